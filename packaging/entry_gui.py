"""The bundle's `campaign-planner` executable: the window, as the `campaign-planner`
gui-script starts it (its solver child starts here too, through `freeze_support`)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
