// Helpers the GUI tests share: a small design, mouse drags with the button
// held (QTest's mouseMove carries no buttons), palette drops.
#pragma once

#include <QApplication>
#include <QGraphicsView>
#include <QMimeData>
#include <QMouseEvent>
#include <QTest>

#include <memory>

#include "app/gui/MainWindow.h"
#include "model/Design.h"
#include "views/document/DesignDocument.h"
#include "views/ViewIds.h"
#include "views/palette/PaletteWidget.h"

namespace sw::testing {

// One region with one zone; a load balancer and a service inside the zone;
// a user group outside; LB -> service call.
inline Project smallProject() {
    Design d;
    d.name = "Small";
    Region r;
    r.id = "r1";
    r.name = "us-east-1";
    r.code = "us-east-1";
    r.provider = "aws";
    r.rect = Rect{0, 0, 800, 480};
    d.regions.push_back(r);
    Zone z;
    z.id = "z1";
    z.name = "us-east-1a";
    z.region = "r1";
    z.rect = Rect{32, 48, 736, 400};
    d.zones.push_back(z);
    Component users;
    users.id = "users";
    users.name = "Users";
    users.kind = ComponentKind::UserGroup;
    users.x = -320;
    users.y = 160;
    Component lb;
    lb.id = "lb";
    lb.name = "Edge balancer";
    lb.kind = ComponentKind::LoadBalancer;
    lb.region = "r1";
    lb.zone = "z1";
    lb.x = 80;
    lb.y = 160;
    Component svc;
    svc.id = "api";
    svc.name = "API";
    svc.kind = ComponentKind::Service;
    svc.instance_type = "m5.large";
    svc.region = "r1";
    svc.zone = "z1";
    svc.x = 400;
    svc.y = 160;
    d.components = {users, lb, svc};
    Link a;
    a.id = "l1";
    a.from = "users";
    a.to = "lb";
    Link b;
    b.id = "l2";
    b.from = "lb";
    b.to = "api";
    d.links = {a, b};
    Project p;
    p.name = "Small";
    p.variants.push_back(d);
    return p;
}

inline void sendMouse(QWidget* w, QEvent::Type type, const QPoint& pos, Qt::MouseButton button, Qt::MouseButtons held,
                      Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QMouseEvent e(type, QPointF(pos), QPointF(w->mapToGlobal(pos)), button, held, mods);
    QApplication::sendEvent(w, &e);
}

// Presses at `from`, moves in steps with the left button held, releases at `to` (view coordinates).
inline void drag(QGraphicsView* view, const QPoint& from, const QPoint& to, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget* vp = view->viewport();
    sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, mods);
    for (int i = 1; i <= 6; ++i) sendMouse(vp, QEvent::MouseMove, from + (to - from) * i / 6, Qt::NoButton, Qt::LeftButton, mods);
    sendMouse(vp, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, mods);
}

inline QPoint at(QGraphicsView* view, double x, double y) { return view->mapFromScene(QPointF(x, y)); }

// What a drag from the palette delivers to the canvas.
inline void dropFromPalette(QGraphicsView* view, const QString& key, const QPoint& pos) {
    QWidget* vp = view->viewport();
    std::unique_ptr<QMimeData> mime(views::PaletteWidget::mimeFor(key));
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &drop);
}

// A shown main window (not deleted on close) holding `p`; null if it never
// became exposed.
inline std::unique_ptr<app::MainWindow> shownWindow(const Project& p) {
    auto w = std::make_unique<app::MainWindow>();
    w->setAttribute(Qt::WA_DeleteOnClose, false);
    w->resize(1400, 900);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get())) return nullptr;
    w->document()->resetProject(p);
    QApplication::processEvents();
    return w;
}

}  // namespace sw::testing
