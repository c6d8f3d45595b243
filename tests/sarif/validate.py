#!/usr/bin/env python3
"""Validate a SARIF file against the SARIF 2.1.0 JSON schema.

usage: validate.py SCHEMA.json REPORT.sarif

Prints "valid" and exits 0 when REPORT follows SCHEMA; otherwise prints one
line per schema error ("invalid: <path>: <message>") and exits 1.  Exits 2
when the schema or the report cannot be read or the jsonschema module is
missing.  The schema is the one `make deps` fetches (it is not ours, so it is
not in the repository): see the Makefile.
"""
import json
import os
import sys

try:
    import jsonschema
    from jsonschema.validators import validator_for
except ImportError:
    # A python3 first on PATH (e.g. pyenv's) may lack the module that
    # Debian's python3-jsonschema gives /usr/bin/python3: try that one.
    system = "/usr/bin/python3"
    if (os.path.exists(system) and os.path.realpath(sys.executable)
            != os.path.realpath(system)
            and not os.environ.get("SARIF_VALIDATE_REEXEC")):
        os.environ["SARIF_VALIDATE_REEXEC"] = "1"
        os.execv(system, [system] + sys.argv)
    sys.stderr.write("validate.py: the jsonschema module is missing "
                     "(apt-get install python3-jsonschema, or make deps)\n")
    sys.exit(2)


def load(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        hint = " (run make deps to fetch it)" if what == "schema" else ""
        sys.stderr.write(f"validate.py: the {what} {path} is missing{hint}\n")
    except (OSError, ValueError) as e:
        sys.stderr.write(f"validate.py: cannot read the {what} {path}: {e}\n")
    sys.exit(2)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: validate.py SCHEMA.json REPORT.sarif\n")
        return 2
    schema = load(argv[1], "schema")
    report = load(argv[2], "report")
    # The schema names its own draft ("$schema": draft-04 for SARIF 2.1.0).
    cls = validator_for(schema)
    if "draft-04" in schema.get("$schema", "") and \
            cls is not jsonschema.Draft4Validator:
        sys.stderr.write("validate.py: this jsonschema does not know "
                         "draft-04\n")
        return 2
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(report),
                    key=lambda e: ([str(p) for p in e.absolute_path],
                                   e.message))
    if not errors:
        print("valid")
        return 0
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        print(f"invalid: {where}: {e.message}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
