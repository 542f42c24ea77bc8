"""Translations: extract the window's strings, make the pseudo-locale, compile.

    python packaging/i18n.py            # refresh leaddesk/resources/i18n/*.ts and compile .qm
    python packaging/i18n.py --release  # only compile the .ts files to .qm (the build)

- `leaddesk_en.ts`: every string marked for translation in `leaddesk/ui/` (`self.tr`,
  `QCoreApplication.translate`, `QT_TRANSLATE_NOOP` for module-level tables), found by
  `pyside6-lupdate`, plus the words that live in Qt-free code: the settings registry's
  labels and descriptions (context "Settings") and the domain's shown words from
  `leaddesk.ui.vocabulary.domain_messages()` (contexts "Outcome", "Channel",
  "LeadStatus", "ScriptStage", "RapportKind", "ImportField", "SpeedBucket"). The window
  translates those at display time with `QCoreApplication.translate(context, text)`.
- `leaddesk_pseudo.ts`: the same strings pseudo-localized: accented, about 40 % longer
  and wrapped in brackets, so a screenshot shows labels that would be cut in German or
  Finnish, and strings that are not translatable at all (they stay plain).

Conventions for the code that marks strings:

- A string with values is translated as a template with named Python placeholders and
  filled after: `self.tr("Saved “{label}” · {next}").format(label=..., next=...)`.
  (PySide6 has no `QString.arg`; `{name}` keeps the order free for translators.) Counts
  use Qt's plural form: `self.tr("%n lead(s)", "", n)`. The pseudo-localizer leaves
  `{...}`, `%n`/`%1`, HTML tags and entities alone, so templates still fill in.
- Module-level tables (column headers, tile captions) are marked with
  `QT_TRANSLATE_NOOP(context, text)` and translated where they are shown; nothing is
  translated at import time (the translator is installed after the imports).
- `objectName`s are never translated: tests and screen readers find widgets by them.

What stays English, and why:

- Texts the services build with data: the call list's "why now" reasons ("callback
  overdue by 2 h", "attempt cap reached (12 attempts)"), calling-hours verdicts, the
  cadence step labels (from the cadence files in leaddesk/resources/), a lead file's detected
  format ("CSV, 3 rows, ..."), coaching-list hints and item details, error messages of
  `UserError`s and the sync service. Translating them means moving their wording out
  of the services into message codes, a change in the services' contract.
- Data: names, companies, phone numbers, notes, script texts, e-mail addresses.
- Dates and clock times come from `strftime` (C locale names "Thu 26 Nov"); a
  translated build would switch those to `QLocale` formats.

The tools come with the PySide6 wheel (`pyside6-lupdate`, `pyside6-lrelease`).
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "leaddesk" / "resources" / "i18n"
SOURCE_TS = I18N / "leaddesk_en.ts"
PSEUDO_TS = I18N / "leaddesk_pseudo.ts"

ACCENTS = str.maketrans(
    "AaCcEeIiNnOoUuYy",
    "ÅåÇçÉéÎîÑñÖöÜüÝý",
)
# Left alone: Qt/printf placeholders, {fields}, HTML tags and entities, mnemonics' '&'.
PROTECTED = re.compile(r"%(?:\d+|L\d+|n|[sd])|\{[^}]*\}|<[^>]+>|&[a-zA-Z]+;|&")
PADDING = "·~"


def pseudo(text: str, growth: float = 0.4) -> str:
    """`Save` -> `[Šåvé·~·]`: same meaning to a developer, ~40 % longer, visibly wrapped."""
    if not text.strip():
        return text
    out: list[str] = []
    last = 0
    for match in PROTECTED.finditer(text):
        out.append(text[last : match.start()].translate(ACCENTS))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(ACCENTS))
    body = "".join(out)
    # The growth is of the words a reader sees: markup and placeholders do not count
    # (a `<span style=...>` template would otherwise get a tail longer than its text).
    words = len(PROTECTED.sub("", text))
    pad = max(0, math.ceil(words * growth) - 2)
    filler = (PADDING * (pad // len(PADDING) + 1))[:pad]
    return f"[{body}{filler}]"


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def extract() -> None:
    """Run lupdate over leaddesk/ui and add the settings registry's strings."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "leaddesk" / "ui").rglob("*.py"))
    I18N.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "en",
            "-ts",
            str(SOURCE_TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tree = ET.parse(SOURCE_TS)
    _add_registry(tree.getroot())
    _english_plurals(tree.getroot())
    _write(tree, SOURCE_TS)


def _add_registry(root: ET.Element) -> None:
    """The settings registry and the domain's words: they live in Qt-free code."""
    sys.path.insert(0, str(ROOT))
    from leaddesk.settings import REGISTRY
    from leaddesk.ui.settings_dialog import CONTEXT
    from leaddesk.ui.vocabulary import domain_messages

    settings = [t for spec in REGISTRY if spec.shown for t in (spec.label, spec.description)]
    for name, texts in {CONTEXT: settings, **domain_messages()}.items():
        _add_messages(root, name, texts)


def _add_messages(root: ET.Element, name: str, texts: list[str]) -> None:
    context = next((c for c in root.findall("context") if c.findtext("name") == name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
    known = {m.findtext("source") for m in context.findall("message")}
    for text in texts:
        if not text or text in known:
            continue
        known.add(text)
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")


def english_forms(source: str) -> tuple[str, str]:
    """`%n attempt(s) made` -> (`%n attempt made`, `%n attempts made`)."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def _english_plurals(root: ET.Element) -> None:
    """The English catalogue's only translations: the two forms of each plural, so that
    the window says "1 attempt made" and "3 attempts made" (Qt's way to plurals in the
    source language)."""
    for message in root.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        for form in english_forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = form


def make_pseudo() -> None:
    tree = ET.parse(SOURCE_TS)
    root = tree.getroot()
    root.set("language", "en_XA")  # the pseudo-locale code Android and Chrome use
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        numerus = message.get("numerus") == "yes"
        for child in list(translation):
            translation.remove(child)
        if numerus:
            translation.text = None
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = pseudo(form)
        else:
            translation.text = pseudo(source)
    _write(tree, PSEUDO_TS)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    text = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8"
    )


def release() -> list[Path]:
    """Compile every .ts in leaddesk/resources/i18n to .qm beside it."""
    built = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files to .qm")
    args = parser.parse_args(argv)
    if not args.release:
        extract()
        make_pseudo()
    for qm in release():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
