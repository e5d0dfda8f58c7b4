// The variants of the project: pick the one on the canvas, duplicate it to
// try a what-if, rename or delete one (each an undoable command).
#pragma once

#include <QWidget>

class QListWidget;

namespace sw::views {

class DesignDocument;

class VariantsPanel : public QWidget {
    Q_OBJECT
public:
    explicit VariantsPanel(DesignDocument* doc, QWidget* parent = nullptr);
    QListWidget* list() const { return list_; }
    void duplicateCurrent();
    void deleteCurrent();
    void moveCurrent(int by);   // -1 up, +1 down

signals:
    void compareRequested();   // the Compare dock should show

private:
    void refresh();

    DesignDocument* doc_;
    QListWidget* list_;
};

}  // namespace sw::views
