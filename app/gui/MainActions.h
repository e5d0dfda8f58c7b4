// The window's menus, toolbar and shortcuts (standard keys where the platform
// has them), each action wired to the editor, the view or the files.
#pragma once

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

private:
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildArrangeMenu();
    void buildSimulateMenu();
    void buildToolbar();
    void rebuildRecent();
    void exportReport();
    void copySelection(bool cut);
    void pasteClipboard();
    QAction* add(QMenu* menu, const QString& text, const QKeySequence& key, const QString& tip = {});

    MainWindow* w_;
    QMenu* recent_ = nullptr;
    QActionGroup* tools_ = nullptr;
    QAction* selectTool_ = nullptr;
    QAction* callTool_ = nullptr;
    QAction* replicationTool_ = nullptr;
};

}  // namespace sw::app
