#!/usr/bin/env python3
"""Writes testdata/istio-1.30.3-validation/mutations.tsv: every field under spec.components and
spec.meshConfig of the accepted iop cases, changed one at a time (an unknown key added to a map,
or the value replaced by a string, a fraction, a bool, a list or an integer), each decided by
istio-oracle (Istio 1.30.3's own code).

    tools/istio-oracle/mutations.py /path/to/istio-oracle
"""
import copy, json, os, subprocess, sys, tempfile

import yaml

MUTATIONS = {"unknown": None, "string": "x", "fraction": 1.5, "bool": True, "list": [1], "integer": 7}
BASES = ["k8s-deep-valid", "mesh-valid", "k8s-numbers-as-quantities"]


def leaves(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, path + (index,))


def mutate(doc, path, kind):
    doc = copy.deepcopy(doc)
    target = doc
    for part in path[:-1]:
        target = target[part]
    if kind == "unknown":
        target[path[-1]]["zzUnknownField"] = 1
    else:
        target[path[-1]] = MUTATIONS[kind]
    return doc


def main():
    oracle = sys.argv[1]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    cases = os.path.join(root, "testdata", "istio-1.30.3-validation")
    rows = []
    for base in BASES:
        doc = yaml.safe_load(open(os.path.join(cases, "iop", base + ".yaml")))
        for path, value in list(leaves(doc)):
            if len(path) < 4:
                continue
            kinds = (["unknown"] if isinstance(value, dict) else []) + [k for k in MUTATIONS if k != "unknown"]
            for kind in kinds:
                with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
                    json.dump(mutate(doc, path, kind), f)
                said = subprocess.run([oracle, "iop", f.name], capture_output=True, text=True).stdout
                os.unlink(f.name)
                said = " ".join(l for l in said.splitlines() if not l.endswith(" ok") and l != "decoded")
                said = " ".join(said.split())
                dotted = ".".join(str(p) for p in path)
                rows.append(f"{base}\t{dotted}\t{kind}\t{'refused' if said else 'accepted'}\t{said}")
    with open(os.path.join(cases, "mutations.tsv"), "w") as out:
        out.write("# base case\tpath changed\tchange\tistioctl 1.30.3's decision\twhat Istio's code said\n")
        out.write("\n".join(rows) + "\n")


main()
