// The canvas's editing operations, each turned into one undo command on the
// document: create, connect, delete, duplicate, copy/paste, move, nudge,
// resize, align and distribute, find.
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <map>
#include <optional>
#include <string>

#include "model/Component.h"
#include "model/Link.h"

class QGraphicsItem;

namespace sw::views {

class ContainerItem;
class DesignDocument;
class DiagramScene;

class CanvasEditor {
public:
    enum class Align { Left, HCenter, Right, Top, VCenter, Bottom };

    explicit CanvasEditor(DiagramScene* scene);

    // New records at a scene point (top-left, snapped); they return the new id,
    // or nothing with the reason in `why`.
    std::string addComponent(ComponentKind kind, const QPointF& topLeft);
    std::string addRegion(const QPointF& topLeft);
    std::optional<std::string> addZone(const QPointF& topLeft, QString* why);
    // Adds an edge; refuses self-links and duplicates (with the reason).
    bool connect(const QString& from, const QString& to, LinkKind kind, QString* why = nullptr);

    void deleteSelection();
    void duplicateSelection();
    QString copySelection() const;   // JSON, "" when nothing is selected
    // Inserts the design in `json` with fresh ids, offset from where it was
    // copied, copies named apart from their originals; one undo step named
    // `undoText` ("Paste %1 item(s)" when empty).
    bool paste(const QString& json, QString* why, const QString& undoText = {});

    void moveSelection(const QPointF& delta, bool nudge);
    void commitResize(ContainerItem* item, const QRectF& rect);
    void align(Align how);
    void distribute(Qt::Orientation orientation);

    // Selects the components whose name contains `text`; returns how many.
    int selectByName(const QString& text);
    void selectAll();
    // The items a drag of the selection carries along (containers take what they hold).
    QList<QGraphicsItem*> itemsMovedWithSelection() const;

private:
    void moveComponentsTo(const std::map<std::string, QPointF>& positions, const QString& text);
    DesignDocument* doc() const;

    DiagramScene* scene_;
    int pasteCount_ = 0;
};

}  // namespace sw::views
