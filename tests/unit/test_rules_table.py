"""The README's table of calling rules is the rule files' own, every row with its
source, unverified rows marked: regenerate it with `python packaging/rules_table.py
--write` after changing a file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_table_matches_the_rule_files() -> None:
    spec = importlib.util.spec_from_file_location(
        "rules_table", ROOT / "packaging" / "rules_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.table(module.load())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(module.START), readme.index(module.END)
    assert readme[start + len(module.START) : end].strip() == expected.strip(), (
        "README's rules table is stale: run python packaging/rules_table.py --write"
    )
    assert "**unverified**" in expected  # unconfirmed rules are marked, never silent
    rows = [line for line in expected.splitlines() if line.startswith("| ")][2:]
    assert rows and all("](http" in row for row in rows)  # every rule links its source
