// How the comparison's figures read in the Compare dock and the report:
// the short form for a cell, the exact form for the tooltip, the delta.
#pragma once

#include <QString>

#include "planner/whatif/WhatIf.h"

namespace sw::views {

QString figureLabel(const whatif::FigureSpec& f);                 // "Cost per month (USD/month)"
QString figureShort(const whatif::FigureSpec& f, double v);       // "$12.4k", "99.95 %", "> 36"
QString figureExact(const whatif::FigureSpec& f, double v);       // every digit
QString deltaShort(const whatif::FigureSpec& f, const whatif::Delta& d);   // "+$1.2k", "" when the same
// "Tobias' very long va…riant 2": the end of a long name is what tells two apart.
QString elideMiddle(const QString& text, int maxChars = 28);

}  // namespace sw::views
