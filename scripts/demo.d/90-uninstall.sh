# shellcheck shell=bash
# Remove the mesh again; the CRDs and the namespace stay (add -a and --delete-namespace for those).
run osm uninstall mesh -f
run osm mesh list
