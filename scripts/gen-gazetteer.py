#!/usr/bin/env python3
"""Derives the compact gazetteer the extractor ships with from the public list of Vietnam's
administrative units before the 2025 reorganisation.

Source: thanglequoc/vietnamese-provinces-database, tag v2.4.1,
json/vn_only_simplified_json_generated_data_vn_units_minified.json
(MIT licence, Copyright (c) 2021 Thang Le Quoc), copied to ../shared/data/vn-admin-units-pre2025.json.
The attribution is written into the generated file's header, as the licence asks.

Usage: python3 scripts/gen-gazetteer.py [SOURCE_JSON] [OUTPUT_TSV]
Output: one line per district-level unit (and one per province with an empty district),
tab-separated: province name, province kind, district name, district kind. Names are written as
the source spells them; the C# Gazetteer puts tone marks in one canonical place when it loads.
Wards are left out: conclusions are issued by provinces, cities, towns and districts.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_SOURCE = os.path.join(REPO, "..", "shared", "data", "vn-admin-units-pre2025.json")
DEFAULT_OUTPUT = os.path.join(REPO, "src", "SearchService.Core", "Documents", "Gazetteer", "gazetteer-pre2025.tsv")

# Longest first, so "Thành phố" is not read as a name starting with "Thành".
KINDS = ["Thành phố", "Thị xã", "Thị trấn", "Tỉnh", "Quận", "Huyện"]

HEADER = """# Gazetteer of Vietnam's provinces and their districts, towns and cities, before the 2025 reorganisation.
# Derived by scripts/gen-gazetteer.py from thanglequoc/vietnamese-provinces-database (tag v2.4.1),
# MIT licence, Copyright (c) 2021 Thang Le Quoc; the licence text is in NOTICE at the repository root.
# Columns: province<TAB>province kind<TAB>district<TAB>district kind (district empty on a province's own line).
"""


def split_kind(full_name):
    for kind in KINDS:
        if full_name.startswith(kind + " "):
            return full_name[len(kind) + 1:].strip(), kind
    raise ValueError(f"unknown administrative kind in {full_name!r}")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    with open(source, encoding="utf-8") as f:
        provinces = json.load(f)
    lines = []
    for province in provinces:
        name, kind = split_kind(province["FullName"])
        lines.append(f"{name}\t{kind}\t\t")
        for district in province["District"]:
            dname, dkind = split_kind(district["FullName"])
            lines.append(f"{name}\t{kind}\t{dname}\t{dkind}")
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        f.write("\n".join(lines))
        f.write("\n")
    print(f"wrote {len(lines)} lines to {output}")


if __name__ == "__main__":
    main()
