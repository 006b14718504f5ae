"""The bundle's `planner` executable: the command line, as the `planner` script
starts it."""

from planner.cli import main

if __name__ == "__main__":
    main(prog_name="planner")
