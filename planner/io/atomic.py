"""Write an export whole or not at all.

Exports are written to a temporary file beside the target and moved over it in
one `os.replace`, so a failure half-way (a full disk, a bug, Ctrl-C) leaves the
previous file, or nothing, never half a workbook that a colleague might open.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from planner.errors import PlannerError
from planner.i18n import QT_TRANSLATE_NOOP


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)`` and move the result to `path`.

    :raises PlannerError: when `path` is a folder or its folder does not exist.
    """
    target = Path(path)
    if target.is_dir():
        raise PlannerError(QT_TRANSLATE_NOOP("export", "cannot export to {path}: it is a "
                                             "folder").format(path=target))
    if not target.parent.is_dir():
        raise PlannerError(QT_TRANSLATE_NOOP("export", "cannot export to {path}: folder "
                                             "{folder} does not exist").format(
            path=target, folder=target.parent))
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    # Made like any new file (0666 less the umask), not mkstemp's 0600: an export is
    # meant to be read by others.
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
