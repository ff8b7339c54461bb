#!/usr/bin/env python3
"""Prints one summary line over every TRX (.NET) and JUnit XML (SPA) file in a folder, and lists failures."""
import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1])
passed = failed = skipped = 0
failures = []
for path in sorted(root.rglob("*.trx")):
    tree = ET.parse(path)
    ns = {"t": tree.getroot().tag.split("}")[0].strip("{")}
    counters = tree.find(".//t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
    for result in tree.iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        failures.append(result.get("testName"))
for path in sorted(root.rglob("*.junit.xml")):
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            failures.append(case.get("classname", "") + " " + case.get("name", ""))
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
for name in failures:
    print(f"FAILED: {name}")
print(f"Total: {passed} passed, {failed} failed, {skipped} skipped")
