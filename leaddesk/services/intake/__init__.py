"""Reading lead files as other systems export them: generic CSV, VICIdial lead files,
HubSpot and Salesforce exports, Excel workbooks; their encodings, delimiters and
column names; and the rejects file for the rows that could not be imported.

`open_source(path, fmt)` gives a `LeadSource` (detected format, `ColumnMapping`,
preview rows, streamed rows); `leaddesk.services.importer.ImportService` imports it.
"""

from leaddesk.services.intake.fields import FIELDS, FORMAT_LABELS, ColumnMapping
from leaddesk.services.intake.source import FORMATS, LeadSource, open_source

__all__ = ["FIELDS", "FORMATS", "FORMAT_LABELS", "ColumnMapping", "LeadSource", "open_source"]
