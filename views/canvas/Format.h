// Short, consistent text for figures on the canvas and in the panels
// ("$12.4k", "99.95 %", "3.3 nines", "48 ms"). Formatting only.
#pragma once

#include <QString>

namespace sw::views {

QString formatMoney(double usd);            // "$840", "$12.4k", "$1.20M"
QString formatPercent(double ratio, int decimals = 0);
QString formatAvailability(double a);      // enough decimals to show the nines: "99.95 %"
QString formatMs(double ms);               // "0.8 ms", "48 ms", "1.2 s"
QString formatCount(double v);             // "1,200", "3.4M"
QString formatGrouped(double v, int decimals);  // "8,696.25": thousands grouped, C decimal point

}  // namespace sw::views
