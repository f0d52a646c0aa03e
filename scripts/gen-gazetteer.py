#!/usr/bin/env python3
"""Derives the two compact gazetteers the extractor ships with from the public lists of Vietnam's
administrative units before and after the 2025 reorganisation (in force from 1 July 2025).

Sources, both from thanglequoc/vietnamese-provinces-database (MIT licence, Copyright (c) 2021
Thang Le Quoc), copied to ../shared/data/:
  vn-admin-units-pre2025.json  tag v2.4.1, json/vn_only_simplified_json_generated_data_vn_units_minified.json
  vn-admin-units-2025.json     main as of 2026-07-25, json/vn_only_simplified_json_generated_data_vn_units_2026-07-25__20_49_07.json
The attribution is written into each generated file's header, as the licence asks.

Usage: python3 scripts/gen-gazetteer.py [DATA_DIR] [OUTPUT_DIR]

Outputs (tab-separated, names spelled as the sources spell them; the C# gazetteer puts tone marks in
one canonical place when it loads):
  gazetteer-pre2025.tsv  one line per province (unit columns empty) and per district-level unit
                         (Quận, Huyện, Thị xã, Thành phố): province, province kind, unit, unit kind,
                         today's province, today's communes/wards ("Phường Quy Nhơn; Phường Quy Nhơn Nam").
  gazetteer-2025.tsv     one line per province and per commune, ward and special zone: province,
                         province kind, unit, unit kind (the last two columns empty).
Pre-2025 wards are left out: the conclusions of that time come from provinces, cities, towns and
districts.

How "today's" is derived: the 2025 list gives each new commune the code of one of the old communes
merged into it, so a new unit whose code is an old ward's code lies (at least partly) on that old
ward's ground. An old province's successor is the new province that holds its old wards' codes (in
the data every old province goes whole into one new province; the script fails if that ever stops
being true). An old district's successors among the new communes are those keeping one of its old
wards' codes: where the data say, not every commune that took some of its ground. An island
district listed without communes (Côn Đảo, Bạch Long Vĩ …) is followed by the special zone of its
name in its province.
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "data")
DEFAULT_OUTPUT = os.path.join(REPO, "src", "SearchService.Core", "Documents", "Gazetteer")

# Longest first, so "Thành phố" is not read as a name starting with "Thành".
KINDS = ["Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Phường", "Tỉnh", "Quận", "Huyện", "Xã"]

ATTRIBUTION = """# Derived by scripts/gen-gazetteer.py from thanglequoc/vietnamese-provinces-database ({source}),
# MIT licence, Copyright (c) 2021 Thang Le Quoc; the licence text is in NOTICE at the repository root.
"""

HEADER_PRE = """# Gazetteer of Vietnam's provinces and their districts, towns and cities, before the 2025 reorganisation
# (the map of documents dated before 1 July 2025), with the province and communes that hold each unit today.
""" + ATTRIBUTION.format(source="tag v2.4.1 for the units; main as of 2026-07-25 for today's") + """# Columns: province<TAB>province kind<TAB>unit<TAB>unit kind<TAB>today's province<TAB>today's communes ("; "-separated)
# (unit columns empty on a province's own line).
"""

HEADER_2025 = """# Gazetteer of Vietnam's provinces and their communes, wards and special zones since the 2025 reorganisation
# (the map of documents dated from 1 July 2025).
""" + ATTRIBUTION.format(source="main as of 2026-07-25") + """# Columns: province<TAB>province kind<TAB>unit<TAB>unit kind (unit columns empty on a province's own line).
"""


def split_kind(full_name):
    for kind in KINDS:
        if full_name.lower().startswith(kind.lower() + " "):
            return full_name[len(kind) + 1:].strip(), kind
    raise ValueError(f"unknown administrative kind in {full_name!r}")


def write(path, header, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("\n".join(lines))
        f.write("\n")
    print(f"wrote {len(lines)} lines to {path}")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DATA
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    with open(os.path.join(data, "vn-admin-units-pre2025.json"), encoding="utf-8") as f:
        before = json.load(f)
    with open(os.path.join(data, "vn-admin-units-2025.json"), encoding="utf-8") as f:
        after = json.load(f)

    # New unit by the code it kept; each new unit's province.
    new_units = {}
    by_name = {}
    lines_2025 = []
    for province in after:
        name, kind = split_kind(province["FullName"])
        lines_2025.append(f"{name}\t{kind}\t\t")
        for unit in province["Wards"]:
            uname, ukind = split_kind(unit["FullName"])
            ukind = ukind[0].upper() + ukind[1:]  # one source line writes "xã"
            new_units[unit["Code"]] = (name, f"{ukind} {uname}")
            by_name[(name, uname)] = f"{ukind} {uname}"
            lines_2025.append(f"{name}\t{kind}\t{uname}\t{ukind}")

    lines_pre = []
    for province in before:
        name, kind = split_kind(province["FullName"])
        successors = collections.Counter()
        districts = []
        for district in province["District"]:
            dname, dkind = split_kind(district["FullName"])
            units = []
            for ward in district["Ward"] or []:
                if ward["Code"] in new_units:
                    new_province, unit = new_units[ward["Code"]]
                    successors[new_province] += 1
                    units.append(unit)
            districts.append((dname, dkind, units))
        if len(successors) != 1:
            raise ValueError(f"{province['FullName']} went into {dict(successors)}: not one province")
        today = next(iter(successors))
        lines_pre.append(f"{name}\t{kind}\t\t\t{today}\t")
        for dname, dkind, units in districts:
            if not units and (today, dname) in by_name:
                # Island districts without communes (Côn Đảo, Bạch Long Vĩ …) live on as special zones of their name.
                units = [by_name[(today, dname)]]
            lines_pre.append(f"{name}\t{kind}\t{dname}\t{dkind}\t{today}\t{'; '.join(units)}")

    write(os.path.join(output, "gazetteer-pre2025.tsv"), HEADER_PRE, lines_pre)
    write(os.path.join(output, "gazetteer-2025.tsv"), HEADER_2025, lines_2025)


if __name__ == "__main__":
    main()
