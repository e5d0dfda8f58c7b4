// The canvas scene: maps the document's ids to graphics items, keeps them in
// step with the document's change signals, routes edges, paints the live
// overlays, and hands mouse gestures to the active tool.
#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QMultiHash>

#include <memory>
#include <string>
#include <utility>

#include "model/Component.h"
#include "model/Link.h"
#include "views/theme/Theme.h"

namespace sw::views {

class CanvasTool;
class CanvasEditor;
class ComponentItem;
class ContainerItem;
class DesignDocument;
class LinkItem;
class LiveAnalysis;
struct Selection;

class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    enum class Tool { Select, ConnectCall, ConnectReplication };

    DiagramScene(DesignDocument* doc, LiveAnalysis* analysis, QObject* parent = nullptr);
    ~DiagramScene() override;

    DesignDocument* document() const { return doc_; }
    CanvasEditor* editor() const { return editor_.get(); }
    const Theme& theme() const { return theme_; }
    void setTheme(const Theme& theme);

    void setTool(Tool tool);
    Tool tool() const { return toolKind_; }
    void setGridSnap(bool on) { snap_ = on; }
    bool gridSnap() const { return snap_; }
    QPointF snapped(const QPointF& p) const;

    ComponentItem* componentItem(const QString& id) const { return components_.value(id); }
    ContainerItem* regionItem(const QString& id) const { return regions_.value(id); }
    ContainerItem* zoneItem(const QString& id) const { return zones_.value(id); }
    LinkItem* linkItem(const QString& id) const { return links_.value(id); }
    const QHash<QString, ComponentItem*>& componentItems() const { return components_; }

    ComponentItem* componentAt(const QPointF& scenePos) const;
    // The innermost container holding a scene point: (region id, zone id), "" when none.
    std::pair<std::string, std::string> placementAt(const QPointF& scenePos) const;
    ContainerItem* containerAt(const QPointF& scenePos, const ContainerItem* except = nullptr) const;
    void highlightDropTarget(ContainerItem* item);

    Selection selection() const;
    void selectIds(const Selection& s);
    QRectF contentBounds() const;

    // Called by ComponentItem when it moves (drag preview or model update).
    void componentItemMoved(ComponentItem* item);
    void rerouteAll();

signals:
    void hintChanged(const QString& text);
    void toolChanged(Tool tool);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* e) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* e) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;

private:
    void rebuild();
    void addComponent(const QString& id);
    void addLink(const QString& id);
    void addLinkItem(const Link& l);
    void addRegion(const QString& id);
    void addZone(const QString& id);
    void removeComponent(const QString& id);
    void removeLink(const QString& id);
    void reroute(LinkItem* link);
    void applyOverlays();

    DesignDocument* doc_;
    LiveAnalysis* analysis_;
    Theme theme_;
    std::unique_ptr<CanvasEditor> editor_;
    std::unique_ptr<CanvasTool> selectTool_, connectTool_;
    CanvasTool* tool_ = nullptr;
    Tool toolKind_ = Tool::Select;
    bool snap_ = true;
    QHash<QString, ComponentItem*> components_;
    QHash<QString, LinkItem*> links_;
    QHash<QString, ContainerItem*> regions_, zones_;
    QMultiHash<QString, LinkItem*> linksOf_;   // component id -> links touching it
    ContainerItem* dropTarget_ = nullptr;
};

}  // namespace sw::views
