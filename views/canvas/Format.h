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
QString formatDowntime(double minutes);    // "4.4 h", "26 min", "3.2 s", "< 0.1 s": the unit that reads best
// Fixed notation with `significant` digits however small: 0.000012 stays
// "0.000012" (never "1.2e-05"), and a value that rounds to zero is "0".
QString formatSmall(double v, int significant = 2);
QString formatSmallMoney(double usd);      // "$0.0047", "$0.000012"; from a cent up as formatMoney

}  // namespace sw::views
