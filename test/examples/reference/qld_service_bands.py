"""Independent count of the Queensland exit-survey figures the kit must reproduce (Python csv module only).

Method of the public analysis, as written in ../shared/data/real/qld-exit-surveys/SOURCE.md:
resignations only; DETE service = first 4-digit year of Cease Date minus DETE Start Date ("Not Stated" is
missing); TAFE service = first whole number of the overall length-of-service band; dissatisfied = any of the
listed tick boxes; bands New < 3, Experienced 3-6, Established 7-10, Veteran 11+; unknown service left out.

Run: python3 test/examples/reference/qld_service_bands.py ../shared/data/real/qld-exit-surveys
"""
import csv
import re
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/real/qld-exit-surveys'
DETE_DISSATISFIED = ['Job dissatisfaction', 'Dissatisfaction with the department', 'Physical work environment',
                     'Lack of recognition', 'Lack of job security', 'Work location', 'Employment conditions',
                     'Work life balance', 'Workload']
TAFE_LOS = 'LengthofServiceOverall. Overall Length of Service at Institute (in years)'
rows = []  # (source, years or None, dissatisfied, has end year)
with open(f'{folder}/dete_survey.csv', newline='') as f:
    for r in csv.DictReader(f):
        if 'Resignation' not in r['SeparationType']:
            continue
        cease = re.search(r'\d{4}', r['Cease Date'])
        start = r['DETE Start Date']
        years = int(cease.group()) - int(start) if cease and start != 'Not Stated' else None
        rows.append(('DETE', years, any(r[c] == 'TRUE' for c in DETE_DISSATISFIED), cease is not None))
with open(f'{folder}/tafe_survey.csv', newline='') as f:
    for r in csv.DictReader(f):
        if r['Reason for ceasing employment'] != 'Resignation':
            continue
        ticked = lambda v: v not in ('-', '') and v is not None
        diss = ticked(r['Contributing Factors. Dissatisfaction']) or ticked(r['Contributing Factors. Job Dissatisfaction'])
        number = re.search(r'\d+', r[TAFE_LOS])
        rows.append(('TAFE', int(number.group()) if number else None, diss, r['CESSATION YEAR'].strip() != ''))

def band(years):
    return None if years is None else 'New' if years < 3 else 'Experienced' if years < 7 else 'Established' if years < 11 else 'Veteran'

print('resignations', len(rows), 'with known service', sum(1 for r in rows if r[1] is not None))
print('without an end year', sum(1 for r in rows if not r[3]), 'of which with known service',
      sum(1 for r in rows if not r[3] and r[1] is not None))
for name in ['New', 'Experienced', 'Established', 'Veteran']:
    members = [r for r in rows if band(r[1]) == name]
    citing = sum(1 for r in members if r[2])
    print(f'{name}: {citing}/{len(members)} = {100 * citing / len(members):.1f}%')
unknown = [r for r in rows if r[1] is None]
print(f'unknown: {sum(1 for r in unknown if r[2])}/{len(unknown)}')
