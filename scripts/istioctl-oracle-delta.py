"""istioctl-oracle-delta.py PROFILE OUTPUT DELTA: writes to DELTA the documents of OUTPUT that are
not in PROFILE as they are there (keyed by apiVersion, kind, namespace, name), and prints the keys
of PROFILE that OUTPUT leaves out ("-" for none), so a case is stored as its difference."""
import json, sys, yaml

def keyed(path):
    docs = {}
    for doc in yaml.safe_load_all(open(path)):
        if doc:
            meta = doc.get("metadata") or {}
            docs[(doc.get("apiVersion"), doc.get("kind"), meta.get("namespace") or "", meta.get("name"))] = doc
    return docs

profile, output = keyed(sys.argv[1]), keyed(sys.argv[2])
changed = [doc for key, doc in output.items() if profile.get(key) != doc]
with open(sys.argv[3], "w") as f:
    yaml.safe_dump_all(changed, f, sort_keys=True)
removed = sorted("/".join(str(p) for p in key) for key in profile if key not in output)
print(",".join(removed) or "-")
