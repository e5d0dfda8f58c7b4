// The analysis tables as CSV (RFC 4180: CRLF-free "\n" rows, fields with a
// comma, quote, CR or LF quoted, quotes doubled), for spreadsheets. Columns
// are named as `analyze --json` names the same values, and each number is
// written as the JSON writes it (the shortest text that reads back as the
// same double); a null there is an empty field here.
#pragma once

#include <string>

#include "model/Design.h"
#include "planner/Analysis.h"

namespace sw {

// One row per component: id, name, kind, region, then analyze's per-component numbers.
std::string tiersToCsv(const Design& design, const Analysis& analysis);
// One row: the "cost" object's numbers, then by_region_usd:<region> columns.
std::string costToCsv(const Analysis& analysis);
// (The projection is projectionToCsv in planner/AnalysisJson.h.)

// One field, quoted when RFC 4180 asks.
std::string csvField(const std::string& s);

}  // namespace sw
