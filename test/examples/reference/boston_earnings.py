"""Independent figures from the Boston Police earnings files (Python csv module only), for
test/examples/boston-police-earnings-test.ts. Empty amounts are zero; ',' separates thousands.

Run: python3 test/examples/reference/boston_earnings.py ../shared/data/real/boston-police-earnings
"""
import csv
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/real/boston-police-earnings'
for year in ['2023', '2024']:
    with open(f'{folder}/employee-earnings-report-{year}_BPD-subset.csv', newline='') as f:
        rows = list(csv.DictReader(f))
    amount = lambda r, c: float(r[c].replace(',', '')) if r[c].strip() else 0.0
    overtime = sorted((amount(r, 'OVERTIME') for r in rows), reverse=True)
    total = sum(overtime)
    top = len(rows) // 10
    people = len({(r['NAME'], r['POSTAL']) for r in rows})
    print(year, 'rows', len(rows), 'people (NAME, POSTAL)', people,
          'overtime total', round(total, 2), 'with overtime > 0', sum(1 for v in overtime if v > 0),
          f'top {top} share', round(100 * sum(overtime[:top]) / total, 2),
          'gross total', round(sum(amount(r, 'TOTAL_GROSS') for r in rows), 2))
