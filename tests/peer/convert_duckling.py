# Converts Duckling's English time corpus (allExamples of Duckling/Time/EN/Corpus.hs)
# into tests/peer/duckling_en_dates.tsv (beside this script). See the header it writes.
# Usage: python3 convert_duckling.py PATH/TO/Corpus.hs COMMIT
import os, re, sys, datetime
SRC, COMMIT = sys.argv[1], sys.argv[2]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'duckling_en_dates.tsv')
src = open(SRC).read()
body = src[src.index('allExamples :: [Example]'):]
blk = re.compile(r'examples\s*\((datetime\w*)\s*(.*?)\)\s*\n?\s*\[(.*?)\]', re.S)
MONTHS = 'january february march april may june july august september october november december'.split()
MABBR = 'jan feb mar apr jun jul aug sep sept oct nov dec'.split()
WDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split()
WABBR = 'mon tue tues wed thu thur thurs fri sat sun'.split()
CAPS = set(MONTHS + MABBR + WDAYS + WABBR)
def cap(p):
    return re.sub(r'[A-Za-z]+', lambda m: m.group(0).capitalize() if m.group(0).lower() in CAPS and m.group(0).islower() else m.group(0), p)
def iso(t, grain):
    y, m, d = t[0], t[1], t[2]
    if not 0 <= y <= 9999: return None
    if grain == 'Day': return f'{y:04}-{m:02}-{d:02}'
    if grain == 'Month': return f'{y:04}-{m:02}'
    if grain == 'Quarter': return f'{y:04}-Q{(m-1)//3+1}'
    if grain == 'Year': return f'{y:04}'
def prev(t, grain):  # Duckling interval ends are exclusive
    d = datetime.date(t[0], t[1], t[2])
    if grain == 'Day': d -= datetime.timedelta(days=1)
    elif grain == 'Month': d = (d.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    elif grain == 'Year': d = d.replace(year=d.year - 1)
    return (d.year, d.month, d.day)
out, dropped = [], {}
def drop(why, n): dropped[why] = dropped.get(why, 0) + n
DAYNUM = r'\b\d{1,2}(st|nd|rd|th)?\b'
for m in blk.finditer(body):
    ctor, args, lst = m.groups()
    phrases = re.findall(r'"((?:[^"\\]|\\.)*)"', lst)
    nums = [tuple(int(x) for x in t.split(',')) for t in re.findall(r'\(([-\d,\s]+)\)', args)]
    grain = re.search(r'\b(Second|Minute|Hour|Day|Week|Month|Quarter|Year)\b', args).group(1)
    if grain in ('Second', 'Minute', 'Hour'): drop('times of day (second, minute or hour grain)', len(phrases)); continue
    if grain == 'Week': drop('weeks (week grain)', len(phrases)); continue
    if ctor == 'datetimeOpenInterval': drop('open intervals ("since 2014")', len(phrases)); continue
    if ctor == 'datetimeIntervalHoliday': drop('multi-day holidays (Ramadan, Passover)', len(phrases)); continue
    if ctor == 'datetimeInterval':
        if grain != 'Day': drop('durations of months or years ("last 2 years", "end of 2012")', len(phrases)); continue
        for p in phrases:
            # An explicit range of days writes both ends as day numbers and no
            # duration ("July 13-15", "1-8 september"); the rest are durations ("next 3
            # days"), parts of a period ("early March", "end of the month") or seasons.
            if len(re.findall(DAYNUM, p)) == 2 and not re.search(r'\bdays?\b', p):
                f, t = iso(nums[0], 'Day'), iso(prev(nums[1], 'Day'), 'Day')
                out.append((cap(p), f'{f}/{t}', 'range', p))
            else:
                drop('day intervals that are durations, parts of a period or seasons', 1)
        continue
    family = 'holiday' if ctor == 'datetimeHoliday' else grain.lower()
    v = iso(nums[0], grain)
    if v is None: drop('years outside 0000-9999 ("2014 B.C.")', len(phrases)); continue
    for p in phrases:
        out.append((cap(p), v, family, p))
fam = {}
for r in out: fam[r[2]] = fam.get(r[2], 0) + 1
with open(OUT, 'w') as f:
    f.write(f"""# Peer corpus: English date phrases with the values a peer parser expects.
# Source: Duckling (https://github.com/facebook/duckling), file Duckling/Time/EN/Corpus.hs,
# commit {COMMIT}, the `allExamples` list. Duckling is (c) Facebook, Inc., BSD licence
# (https://github.com/facebook/duckling/blob/main/LICENSE); the phrases and values below are
# copied from that file under it. Reference time of the corpus: 2013-02-12 04:30, a Tuesday,
# used here as the publication date.
# Kept: phrases whose expected value is a day, month, quarter or year (Duckling grain Day,
# Month, Quarter, Year), written at that granularity (2013-02-15, 2013-03, 2013-Q3, 2014),
# plus explicit day ranges (an interval of days whose phrase writes both ends as day
# numbers: "July 13-15" -> 2013-07-13/2013-07-15, Duckling's exclusive end made inclusive).
# Named holidays (Duckling's datetimeHoliday: Christmas, Easter, Diwali, Eid al-Fitr ...)
# are days too; they are kept with family `holiday` and reported apart.
# Dropped: {'; '.join(f'{k}: {v}' for k, v in sorted(dropped.items()))}.
# Changed: month and weekday names written in lower case ("march 3", "monday") are
# capitalised, as news writes them (newsfacts reads lower-case "may", "march", "sun" as
# ordinary words); the phrase as Duckling writes it is the last column.
# Kept {len(out)} phrases: {', '.join(f'{k} {v}' for k, v in sorted(fam.items()))}.
# Generated by tests/peer/convert_duckling.py; do not edit by hand.
# phrase<TAB>reference date<TAB>expected value<TAB>family<TAB>Duckling's phrase
""")
    for p, v, fm, orig in out:
        assert '\t' not in p
        f.write(f'{p}\t2013-02-12\t{v}\t{fm}\t{orig}\n')
print(fam, dropped, len(out))
