#!/bin/sh
# Install a built campaign-planner folder on Linux, for one user (default, under
# ~/.local) or for everyone (--prefix /usr/local, as root):
#   PREFIX/lib/campaign-planner/   the folder from dist/
#   PREFIX/bin/                    campaign-planner and planner, linked into the folder
#   PREFIX/share/applications/     the desktop entry (menus, "Open with")
#   PREFIX/share/icons/hicolor/    the icon at every size, and the SVG
#   PREFIX/share/mime/packages/    *.cplan as "Campaign plan"
# --uninstall takes all of it away again. Usage:
#   packaging/linux/install.sh [--prefix DIR] [--uninstall] [dist/campaign-planner]
set -eu

prefix="${HOME}/.local"
uninstall=no
here="$(cd "$(dirname "$0")" && pwd)"
app="${here}/../../dist/campaign-planner"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) app="$1"; shift ;;
    esac
done

name=campaign-planner
target="${prefix}/lib/${name}"
icons="${prefix}/share/icons/hicolor"
sizes="16 24 32 48 64 128 256 512"

refresh() {
    # Desktops read these caches; a missing tool only means a later menu refresh.
    command -v update-desktop-database >/dev/null && \
        update-desktop-database -q "${prefix}/share/applications" || true
    command -v update-mime-database >/dev/null && \
        update-mime-database "${prefix}/share/mime" || true
    command -v gtk-update-icon-cache >/dev/null && \
        gtk-update-icon-cache -q -t "${icons}" || true
}

if [ "${uninstall}" = yes ]; then
    rm -rf "${target}"
    rm -f "${prefix}/bin/${name}" "${prefix}/bin/planner" \
          "${prefix}/share/applications/${name}.desktop" \
          "${prefix}/share/mime/packages/${name}.xml" \
          "${icons}/scalable/apps/${name}.svg"
    for size in ${sizes}; do rm -f "${icons}/${size}x${size}/apps/${name}.png"; done
    refresh
    echo "removed ${name} from ${prefix}"
    exit 0
fi

if [ ! -x "${app}/${name}" ]; then
    echo "install.sh: no built app in ${app}; run python packaging/build.py first" >&2
    exit 1
fi
art="${app}/_internal/resources/icons/app"

mkdir -p "${prefix}/lib" "${prefix}/bin" "${prefix}/share/applications" \
         "${prefix}/share/mime/packages" "${icons}/scalable/apps"
rm -rf "${target}"
cp -a "${app}" "${target}"
ln -sf "${target}/${name}" "${prefix}/bin/${name}"
ln -sf "${target}/planner" "${prefix}/bin/planner"
# Menus may not search PREFIX/bin: the entry names the program by its full path.
sed -e "s|^Exec=${name}|Exec=${target}/${name}|" -e "s|^TryExec=.*|TryExec=${target}/${name}|" \
    "${here}/${name}.desktop" > "${prefix}/share/applications/${name}.desktop"
cp "${here}/${name}-mime.xml" "${prefix}/share/mime/packages/${name}.xml"
cp "${art}/${name}.svg" "${icons}/scalable/apps/${name}.svg"
for size in ${sizes}; do
    mkdir -p "${icons}/${size}x${size}/apps"
    cp "${art}/${name}-${size}.png" "${icons}/${size}x${size}/apps/${name}.png"
done
refresh
echo "installed ${name} in ${target}; ${prefix}/bin holds campaign-planner and planner"
