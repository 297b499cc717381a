# The jq twin of `gulag timeline --from FROM --to TO --place QUERY --json`, for bench/run.py.
#
#   jq -c --arg lo 1953-01-01 --arg hi 1954-12-31 --arg place 'Ozerny Zaton' -f bench/timeline.jq STORE
#
# (an empty place keeps every place: the date range alone, for bench/users.py)
# prints a JSON array of the matching events (as stored; `gulag` adds resolved places, sources
# and figures to each). It mirrors the tool's semantics (src/gulagcli/dates.py, query.py):
#
# * Dates: an event is kept when its *widest* bounds meet lo..hi (both inclusive):
#   earliest <= hi and latest >= lo. A qualified part (~ or ?) is widened by one unit of its
#   precision on each side, % by two: a day by days, a month to the first/last day of the
#   month(s) before/after, a year by years, a decade (195X) by ten years. An open end (..) is
#   0001-01-01 or 9999-12-31. Unspecified parts (1954-XX, 1954-05-XX) lower the precision.
# * Place: a place matches when the query's words, folded, appear as whole words in one of its
#   names (id, name, names, cyrillic, complex, modern_name, region, country); an event matches
#   when it names a matching place. jq cannot strip accents (the tool folds with NFKD), so this
#   folds ASCII case only; bench/generate.py checks that its query needs no more.
#
# Written for speed as well as fidelity, so the baseline is a fair one: the cheap place test
# runs before the date arithmetic, and dates are cut apart with string slicing, not regexes
# (jq 1.6 compiles a regex on every call). Input is assumed valid (`gulag validate`).

def key: .[0] * 10000 + .[1] * 100 + .[2];           # [y, m, d] -> sortable yyyymmdd

def leap($y): ($y % 4 == 0 and $y % 100 != 0) or $y % 400 == 0;
def dim($y; $m):                                     # days in month
  if $m == 2 then (if leap($y) then 29 else 28 end)
  elif ($m == 4 or $m == 6 or $m == 9 or $m == 11) then 30 else 31 end;

# Day numbers (Howard Hinnant's days_from_civil / civil_from_days), for shifting by days.
def days: .[0] as $y0 | .[1] as $m | .[2] as $d
  | (if $m <= 2 then $y0 - 1 else $y0 end) as $y
  | (if $y >= 0 then ($y / 400 | floor) else (($y - 399) / 400 | floor) end) as $era
  | ($y - $era * 400) as $yoe
  | (((153 * (if $m > 2 then $m - 3 else $m + 9 end) + 2) / 5 | floor) + $d - 1) as $doy
  | ($yoe * 365 + ($yoe / 4 | floor) - ($yoe / 100 | floor) + $doy) as $doe
  | $era * 146097 + $doe - 719468;                   # days since 1970-01-01
def civil: . as $z0 | ($z0 + 719468) as $z
  | (if $z >= 0 then ($z / 146097 | floor) else (($z - 146096) / 146097 | floor) end) as $era
  | ($z - $era * 146097) as $doe
  | (($doe - ($doe / 1460 | floor) + ($doe / 36524 | floor) - ($doe / 146096 | floor)) / 365 | floor) as $yoe
  | ($doe - (365 * $yoe + ($yoe / 4 | floor) - ($yoe / 100 | floor))) as $doy
  | ((5 * $doy + 2) / 153 | floor) as $mp
  | ($doy - ((153 * $mp + 2) / 5 | floor) + 1) as $d
  | (if $mp < 10 then $mp + 3 else $mp - 9 end) as $m
  | [($yoe + $era * 400 + (if $m <= 2 then 1 else 0 end)), $m, $d];
def ordinal: days + 719163;                          # Python's date.toordinal()
def from_ordinal: . - 719163 | civil;

# One side of an EDTF date -> {p: precision, u: widening units, s: [y,m,d], e: [y,m,d]}.
def part:
  (.[-1:]) as $last
  | (if $last == "~" or $last == "?" or $last == "%" then $last else "" end) as $q
  | (if $q == "" then . else .[:-1] end | split("-")) as $f
  | (if $q == "%" then 2 elif $q == "" then 0 else 1 end) as $u
  | if ($f[0] | endswith("X")) then
      ($f[0][:3] | tonumber * 10) as $dec | {p: "decade", u: $u, s: [$dec, 1, 1], e: [$dec + 9, 12, 31]}
    else ($f[0] | tonumber) as $y
      | if ($f | length) == 1 or $f[1] == "XX" then {p: "year", u: $u, s: [$y, 1, 1], e: [$y, 12, 31]}
        else ($f[1] | tonumber) as $m
        | if ($f | length) == 2 or $f[2] == "XX" then {p: "month", u: $u, s: [$y, $m, 1], e: [$y, $m, dim($y; $m)]}
          else ($f[2] | tonumber) as $d | [$y, $m, $d] as $day | {p: "day", u: $u, s: $day, e: $day}
          end
        end
    end;

# The bound of a part on side $lean (-1 early, +1 late), widened for its qualifiers.
def widened($lean):
  (if $lean < 0 then .s else .e end) as $b
  | (.u * $lean) as $k
  | if $k == 0 then $b
    elif .p == "day" then ($b | ordinal) + $k | if . < 1 then 1 elif . > 3652059 then 3652059 else . end | from_ordinal
    elif .p == "month" then ($b[0] * 12 + $b[1] - 1 + $k) as $months
      | ($months / 12 | floor) as $y | ($months - $y * 12 + 1) as $m
      | [$y, $m, (if $k < 0 then ([$b[2], dim($y; $m)] | min) else dim($y; $m) end)]
    else ($b[0] + $k * (if .p == "decade" then 10 else 1 end)) as $y
      | [(if $y < 1 then 1 elif $y > 9999 then 9999 else $y end), $b[1], $b[2]]
    end;

# A stored EDTF date -> [earliest, latest] as yyyymmdd keys.
def bounds:
  if index("/") then
    (index("/")) as $i | .[:$i] as $l | .[$i + 1:] as $r
    | [(if $l == ".." then 10101 else ($l | part | widened(-1) | key) end),
       (if $r == ".." then 99991231 else ($r | part | widened(1) | key) end)]
  else part | [(widened(-1) | key), (widened(1) | key)]
  end;

def folded_words: ascii_downcase | [match("\\w+"; "g").string] | join(" ");

($lo | split("-") | map(tonumber) | key) as $lo
| ($hi | split("-") | map(tonumber) | key) as $hi
| ($place | folded_words) as $q
| ("(?<!\\w)" + $q + "(?!\\w)") as $re
| (if $q == "" then {} else [.places[]
    | select([.id, .name, .cyrillic, .complex, .modern_name, .region, .country, (.names // [])[]]
             | map(select(. != null) | folded_words | test($re)) | any)
    | {key: .id, value: true}] | from_entries end) as $ids
| [.events[]
   | select($q == "" or any((.places // [])[]; $ids[.] == true))
   | select(.date | bounds | .[0] <= $hi and .[1] >= $lo)]
