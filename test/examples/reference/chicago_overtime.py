"""Independent count of the Chicago by-unit overtime reports (Python csv module only), for
test/examples/chicago-police-overtime-test.ts.

Each line of a by-unit file is one of: a report title (second field starts 'OT REPORT'), a blank row
(',,'), a month header (first field a month name) or a data row. A data row belongs to the month of the
header above it while its unit numbers rise; once they fall, the month is unknown until the next header.
A unit must be three digits and an amount a number (thousands separators ',' in groups of three).

Run: python3 test/examples/reference/chicago_overtime.py ../shared/data/real/chicago-police-overtime
"""
import csv
import re
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/real/chicago-police-overtime'
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
          'October', 'November', 'December']
AMOUNT = re.compile(r'^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$')
for name in ['2017-cpd-overtime-by-unit.csv', '2018-05-cpd-overtime-by-unit.csv']:
    kinds = {'title': 0, 'blank': 0, 'month': 0, 'data': 0, 'loaded': 0}
    sums = {}
    month, last, lost = None, -1, False
    with open(f'{folder}/{name}', newline='') as f:
        for row in csv.reader(f):
            row += [''] * (3 - len(row))
            unit, unit_name, amount = (v.strip() for v in row[:3])
            if not any(v.strip() for v in row):
                kinds['blank'] += 1
            elif unit_name.startswith('OT REPORT'):
                kinds['title'] += 1
            elif unit in MONTHS:
                kinds['month'] += 1
                if unit != month:
                    last = -1
                month, lost = unit, False
            else:
                kinds['data'] += 1
                if unit.isdigit():
                    if int(unit) < last:
                        lost = True
                    elif not lost:
                        last = int(unit)
                if month is None or lost or not re.fullmatch(r'\d{3}', unit) or not AMOUNT.match(amount):
                    continue
                kinds['loaded'] += 1
                sums[month] = sums.get(month, 0) + float(amount.replace(',', ''))
    print(name, kinds)
    print('  ', {m: round(v, 2) for m, v in sums.items()})
with open(f'{folder}/cpd-overtime-aggregate.csv', newline='') as f:
    rows = list(csv.DictReader(f))
print('aggregate months', len(rows), 'TOTAL AMT', round(sum(float(r['TOTAL AMT'].replace(',', '')) for r in rows), 2),
      'MONEY hours', round(sum(float(r['MONEY'].replace(',', '')) for r in rows), 2))
