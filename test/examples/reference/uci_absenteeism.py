"""Independent figures from the UCI absenteeism file (Python csv module only), for
test/examples/uci-absenteeism-test.ts. Year of each row: the rows run in time order from July 2007
(SOURCE.md); a year passes when the month number falls; month 0 is no month.

Run: python3 test/examples/reference/uci_absenteeism.py ../shared/data/real/uci-absenteeism
"""
import csv
import sys
from collections import Counter

folder = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/real/uci-absenteeism'
with open(f'{folder}/Absenteeism_at_work.csv', newline='') as f:
    rows = list(csv.DictReader(f, delimiter=';'))
year, previous, years, hours, mental, people = 2007, 7, Counter(), 0, 0, set()
for r in rows:
    month = int(r['Month of absence'])
    if not 1 <= month <= 12:
        continue
    if month < previous:
        year += 1
    previous = month
    years[year] += 1
    people.add(r['ID'])
    hours += int(r['Absenteeism time in hours'])
    mental += int(r['Absenteeism time in hours']) if r['Reason for absence'] == '5' else 0
print('rows', len(rows), 'with a month', sum(years.values()), 'by year', dict(years))
print('hours', hours, 'mental and behavioural (reason 5) hours', mental,
      'employees', len({r['ID'] for r in rows}), 'of whom in rows with a month', len(people))
