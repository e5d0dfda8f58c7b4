// The document: a project (several design variants), the variant being edited,
// its undo stack and fine-grained change signals. The scene and the panels
// observe it; only undo commands mutate it.
#pragma once

#include <QObject>
#include <QString>

#include <string>
#include <unordered_map>

#include "model/Design.h"

class QUndoStack;

namespace sw::views {

class DesignDocument : public QObject {
    Q_OBJECT
public:
    explicit DesignDocument(QObject* parent = nullptr);
    ~DesignDocument() override;

    const Project& project() const { return project_; }
    const Design& design() const { return project_.variants[static_cast<std::size_t>(current_)]; }
    int currentVariant() const { return current_; }
    QUndoStack* undoStack() const { return undo_; }

    // Loads a project; history is cleared and the document counts as unmodified.
    void resetProject(Project project);
    // Switches the variant on show; a view change, not an edit.
    void setCurrentVariant(int index);

    const Component* component(const std::string& id) const;
    const Region* region(const std::string& id) const { return design().findRegion(id); }
    const Zone* zone(const std::string& id) const { return design().findZone(id); }
    const Link* link(const std::string& id) const { return design().findLink(id); }
    int componentIndex(const std::string& id) const;
    // An id not used by any record of the current design: "<prefix>-<n>".
    std::string freshId(const std::string& prefix) const;

    // Mutations; undo commands are the only callers.
    void insertComponent(int index, const Component& c);
    void removeComponent(const std::string& id);
    void replaceComponent(const Component& c);
    void insertLink(int index, const Link& l);
    void removeLink(const std::string& id);
    void replaceLink(const Link& l);
    void insertRegion(int index, const Region& r);
    void removeRegion(const std::string& id);
    void replaceRegion(const Region& r);
    void insertZone(int index, const Zone& z);
    void removeZone(const std::string& id);
    void replaceZone(const Zone& z);
    void setWorkload(const Workload& w);
    void setDesignText(const std::string& name, const std::string& description);
    void insertVariant(int index, const Design& d);
    void removeVariant(int index);
    void renameVariant(int index, const std::string& name);
    void moveVariant(int from, int to);   // the moved variant stays on show
    void setScenarios(std::vector<Scenario> scenarios);

signals:
    void componentAdded(const QString& id);
    void componentRemoved(const QString& id);
    void componentChanged(const QString& id);
    void linkAdded(const QString& id);
    void linkRemoved(const QString& id);
    void linkChanged(const QString& id);
    void regionAdded(const QString& id);
    void regionRemoved(const QString& id);
    void regionChanged(const QString& id);
    void zoneAdded(const QString& id);
    void zoneRemoved(const QString& id);
    void zoneChanged(const QString& id);
    void workloadChanged();
    void designTextChanged();
    void variantsChanged();
    void scenariosChanged();
    void projectReset();  // another project was loaded (before designReset): per-project state is stale
    void designReset();   // everything may have changed: a load or a variant switch

private:
    Design& mutableDesign() { return project_.variants[static_cast<std::size_t>(current_)]; }
    void rebuildIndex() const;

    Project project_;
    int current_ = 0;
    QUndoStack* undo_;
    mutable std::unordered_map<std::string, int> componentIndex_;
    mutable bool indexValid_ = false;
};

}  // namespace sw::views
