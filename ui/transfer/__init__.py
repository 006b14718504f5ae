"""Plans out and in from the window: File ▸ Export and File ▸ Import with a preview."""

from ui.transfer.controller import TransferController

__all__ = ["TransferController"]
