"""`leaddesk import FILE`: import leads, all or nothing; print the counts."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.domain.phone import normalize_region
    from leaddesk.services.errors import UserError
    from leaddesk.services.importer import ImportService
    from leaddesk.services.intake import open_source
    from leaddesk.services.intake.rejects import check_rejects_target

    region = None
    if args.region:
        region = normalize_region(args.region)
        if region is None:
            raise UserError(f"--region {args.region!r} is not a country code such as US, GB or DE")
    # Read and check the file before the database is even opened.
    if args.rejects is not None:
        check_rejects_target(args.rejects, args.file)
    source = open_source(args.file, args.format)
    source.check_importable()
    store = ctx.open_store()
    try:
        service = ImportService(ctx.workspace(store))
        summary = service.run(
            source,
            region=region,
            owner=args.owner,
            rejects_path=args.rejects,
            source_tz=args.source_tz,
            date_order=args.date_order,
        )
    finally:
        store.close()
    text = (
        f"{summary.rows} rows from {args.file.name} ({source.label}): "
        f"{summary.imported} imported, {summary.updated} updated, "
        f"{summary.duplicates} duplicates, {summary.rejected} rejected"
    )
    if summary.skipped:
        text += f", {summary.skipped} report lines skipped"
    if summary.dates_unread:
        text += (
            f"\n{summary.dates_unread} created dates could not be read: "
            "those leads arrived at the import time"
        )
    if summary.shared_numbers:
        text += f"\n{summary.shared_numbers} new leads share a number with another person"
    if summary.unmapped_columns:
        text += "\nkept on the card as From the file: " + ", ".join(summary.unmapped_columns)
    if summary.unknown_owners:
        text += (
            "\nowners not matched to an agent (their leads went to the importing agent): "
            + ", ".join(summary.unknown_owners)
        )
    if summary.rejects_file is not None:
        text += f"\nrejected rows and reasons: {summary.rejects_file}"
    ctx.emit(summary.to_json(), text)
    return 0
