// The window's menus, toolbar and shortcuts (the keys docs/user-guide.md
// documents, plus the platform's standard ones), each action wired to the
// editor, the view or the files.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace sw::app {

class MainWindow;

class MainActions : public QObject {
    Q_OBJECT
public:
    explicit MainActions(MainWindow* window);

    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* copy = nullptr;
    QAction* paste = nullptr;
    QAction* duplicate = nullptr;
    QAction* remove = nullptr;
    QAction* fit = nullptr;
    QAction* snap = nullptr;
    QAction* exportAction = nullptr;   // File › Export…

    // Help › Keyboard Shortcuts and Help › User Guide (app/gui/HelpWindows.h).

private:
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildArrangeMenu();
    void buildSimulateMenu();
    void buildToolbar();
    void rebuildRecent();
    void exportReport();
    void exportDesign();
    void printCanvas();
    void copySelection(bool cut);
    void pasteClipboard();
    QAction* add(QMenu* menu, const QString& text, const QKeySequence& key, const QString& tip = {});
    QAction* add(QMenu* menu, const QString& text, const QList<QKeySequence>& keys, const QString& tip = {});

    MainWindow* w_;
    QMenu* recent_ = nullptr;
    QActionGroup* tools_ = nullptr;
    QAction* selectTool_ = nullptr;
    QAction* callTool_ = nullptr;
    QAction* replicationTool_ = nullptr;
};

}  // namespace sw::app
