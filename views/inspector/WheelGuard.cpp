#include "views/inspector/WheelGuard.h"

#include <QEvent>
#include <QObject>
#include <QWidget>

namespace sw::views {
namespace {

class WheelGuard final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* e) override {
        if (e->type() != QEvent::Wheel) return false;
        auto* w = qobject_cast<QWidget*>(watched);
        if (!w || w->hasFocus()) return false;
        // Ignored and filtered: QApplication hands the wheel to the parent
        // (the scroll area) as if the field were not there.
        e->ignore();
        return true;
    }
};

WheelGuard* guard() {
    static auto* g = new WheelGuard;   // one filter for every field, alive until exit
    return g;
}

}  // namespace

void takeWheelOnlyWhenFocused(QWidget* field) {
    field->setFocusPolicy(Qt::StrongFocus);
    field->installEventFilter(guard());
}

}  // namespace sw::views
