// Fields that take the mouse wheel only when they have the keyboard focus, so
// scrolling a form over a combo or spin box scrolls the form instead of
// changing the value (as KDE and Qt Creator do).
#pragma once

class QWidget;

namespace sw::views {

// Gives `field` Qt::StrongFocus (a wheel no longer focuses it) and passes
// wheel events on to its parent while it is not focused.
void takeWheelOnlyWhenFocused(QWidget* field);

}  // namespace sw::views
