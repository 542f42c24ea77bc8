"""How a number is dialed: the `Dialer` protocol and its implementations (tel: hand-off).

No Qt here: the GUI injects how a URI is opened (QDesktopServices.openUrl)."""

from leaddesk.dialer.base import Dialer, DialError
from leaddesk.dialer.tel import TelDialer, tel_uri

__all__ = ["DialError", "Dialer", "TelDialer", "tel_uri"]
