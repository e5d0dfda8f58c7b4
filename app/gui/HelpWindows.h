// The Help menu's two windows: the keyboard shortcuts, listed from the
// window's own actions (so the list cannot drift from what the keys do), and
// the user guide shipped with the build.
#pragma once

#include <QString>

class QMainWindow;
class QWidget;

namespace sw::app {

// A searchable list of every action of `window` that has a shortcut
// ("File › Save As…  Ctrl+Shift+S"); one per window, raised if open.
void showShortcuts(QMainWindow* window);
// docs/user-guide.md, rendered: the installed copy (share/doc), else the
// source tree's, else the copy compiled into the resources.
void showUserGuide(QWidget* parent);
QString userGuidePath();

}  // namespace sw::app
