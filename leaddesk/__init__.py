"""LeadDesk: the desktop companion of agents who turn inbound leads into conversations."""

__version__ = "0.1.0"
