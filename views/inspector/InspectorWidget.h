// The property inspector: typed editors for whatever is selected (component,
// edge, region, zone) or, with nothing selected, the design and its workload;
// built from the model's FieldSpec tables, so units and ranges come from one
// place. Every change is one undoable command. Also shows the live figures
// the engine computed for the selected component.
#pragma once

#include <QHash>
#include <QScrollArea>

#include <functional>
#include <string>
#include <vector>

#include "model/Design.h"
#include "model/FieldSpec.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace sw::views {

class DesignDocument;
class LiveAnalysis;
class NumberField;
struct Fragment;
struct Selection;

class InspectorWidget : public QScrollArea {
    Q_OBJECT
public:
    InspectorWidget(DesignDocument* doc, LiveAnalysis* analysis, QWidget* parent = nullptr);

    void setSelection(const Selection& s);
    // For tests and keyboard users: the editor of a numeric field by key.
    NumberField* field(const QString& key) const { return fields_.value(key); }
    QLineEdit* nameEdit() const { return nameEdit_; }
    QString subjectId() const { return QString::fromStdString(id_); }

private:
    enum class Subject { Design, Component, Link, Region, Zone, Many };

    void rebuild();
    void refresh();
    void refreshFigures();
    void clearForm();
    QFormLayout* section(const QString& title);
    void addHeader(const QIcon& icon, const QString& title, const QString& subtitle);
    QLineEdit* addText(QFormLayout* form, const QString& label, std::function<std::string()> get,
                       std::function<void(const std::string&)> set);
    void addCombo(QFormLayout* form, const QString& label, const QStringList& keys, const QStringList& labels,
                  std::function<QString()> get, std::function<void(const QString&)> set, bool editable = false);
    template <class Owner>
    void addNumbers(QFormLayout* form, std::span<const FieldSpec<Owner>> specs, std::function<const Owner*()> get,
                    std::function<void(Owner&)> commit, std::function<bool(const FieldSpec<Owner>&)> applies);
    void push(Fragment before, Fragment after, const QString& text);

    void buildDesign();
    void buildComponent();
    void buildLink();
    void buildRegion();
    void buildZone();

    DesignDocument* doc_;
    LiveAnalysis* analysis_;
    Subject subject_ = Subject::Design;
    std::string id_;
    int count_ = 0;
    QWidget* body_ = nullptr;
    QVBoxLayout* layout_ = nullptr;
    QLineEdit* nameEdit_ = nullptr;
    QLabel* problems_ = nullptr;
    QFormLayout* figures_ = nullptr;
    QHash<QString, NumberField*> fields_;
    std::vector<std::function<void()>> refreshers_;
    bool rebuildPending_ = false;
};

}  // namespace sw::views
