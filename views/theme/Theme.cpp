// Light and dark palettes: slate neutrals, one blue accent, and traffic-light
// colours for utilisation that stay readable on both backgrounds.
#include "views/theme/Theme.h"

#include <QApplication>
#include <QStyleFactory>
#include <QToolTip>

namespace sw::views {

Theme Theme::light() {
    Theme t;
    t.dark = false;
    t.canvas = QColor("#f7f8fa");
    t.gridDot = QColor("#dfe3ea");
    t.gridDotMajor = QColor("#c5ccd8");
    t.nodeFill = QColor("#ffffff");
    t.nodeBorder = QColor("#cfd6e1");
    t.nodeText = QColor("#1b2330");
    t.nodeMuted = QColor("#667185");
    t.nodeShadow = QColor(16, 24, 40, 28);
    t.selection = QColor("#2f6fed");
    t.hover = QColor("#8fb0f5");
    t.regionFill = QColor(47, 111, 237, 10);
    t.regionBorder = QColor("#b7c4da");
    t.regionTitle = QColor("#34405a");
    t.zoneFill = QColor(255, 255, 255, 150);
    t.zoneBorder = QColor("#c8d1df");
    t.zoneTitle = QColor("#5b6881");
    t.callEdge = QColor("#6b7689");
    t.replicationEdge = QColor("#8b5cf6");
    t.edgeLabelFill = QColor("#ffffff");
    t.edgeLabelText = QColor("#3c4657");
    t.utilLow = QColor("#16a34a");
    t.utilMid = QColor("#d97706");
    t.utilHigh = QColor("#dc2626");
    t.utilSaturated = QColor("#991b1b");
    t.utilTrack = QColor("#e8ecf2");
    t.bottleneck = QColor("#ea580c");
    t.invalid = QColor("#dc2626");
    t.badgeFill = QColor("#f1f4f9");
    t.badgeText = QColor("#334155");
    t.badgeBorder = QColor("#d5dce7");
    t.accent = QColor("#2f6fed");
    t.diffAdded = QColor("#059669");
    t.diffChanged = QColor("#d97706");
    t.diffRemoved = QColor("#94a3b8");
    return t;
}

Theme Theme::dark_() {
    Theme t;
    t.dark = true;
    t.canvas = QColor("#16191f");
    t.gridDot = QColor("#262b34");
    t.gridDotMajor = QColor("#343b47");
    t.nodeFill = QColor("#222731");
    t.nodeBorder = QColor("#394151");
    t.nodeText = QColor("#e6e9ef");
    t.nodeMuted = QColor("#98a2b3");
    t.nodeShadow = QColor(0, 0, 0, 90);
    t.selection = QColor("#5b8cff");
    t.hover = QColor("#41609e");
    t.regionFill = QColor(91, 140, 255, 12);
    t.regionBorder = QColor("#3b4658");
    t.regionTitle = QColor("#c3cad6");
    t.zoneFill = QColor(255, 255, 255, 6);
    t.zoneBorder = QColor("#353d4b");
    t.zoneTitle = QColor("#98a2b3");
    t.callEdge = QColor("#8b95a7");
    t.replicationEdge = QColor("#a78bfa");
    t.edgeLabelFill = QColor("#1d2129");
    t.edgeLabelText = QColor("#c9d0dc");
    t.utilLow = QColor("#22c55e");
    t.utilMid = QColor("#f59e0b");
    t.utilHigh = QColor("#f87171");
    t.utilSaturated = QColor("#ef4444");
    t.utilTrack = QColor("#323947");
    t.bottleneck = QColor("#fb923c");
    t.invalid = QColor("#f87171");
    t.badgeFill = QColor("#2a303b");
    t.badgeText = QColor("#d5dbe5");
    t.badgeBorder = QColor("#3d4656");
    t.accent = QColor("#5b8cff");
    t.diffAdded = QColor("#34d399");
    t.diffChanged = QColor("#fbbf24");
    t.diffRemoved = QColor("#64748b");
    return t;
}

Theme Theme::byName(const QString& name) {
    return name.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0 ? dark_() : light();
}

QPalette Theme::palette() const {
    QPalette p;
    if (dark) {
        const QColor window("#1e2229"), base("#181b21"), text("#e6e9ef"), button("#262b34");
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor("#20242c"));
        p.setColor(QPalette::ToolTipBase, QColor("#2a303b"));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor("#9aa4b5"));   // 6.6:1 on the window colour (WCAG AA)
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, button);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor("#ff6b6b"));
        p.setColor(QPalette::Light, QColor("#343b47"));
        p.setColor(QPalette::Midlight, QColor("#2c323d"));
        p.setColor(QPalette::Mid, QColor("#3a4250"));
        p.setColor(QPalette::Dark, QColor("#101318"));
        p.setColor(QPalette::Shadow, QColor("#000000"));
        p.setColor(QPalette::Highlight, accent);
        p.setColor(QPalette::HighlightedText, QColor("#ffffff"));
        p.setColor(QPalette::Link, QColor("#8ab4ff"));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, QColor("#6b7485"));
    } else {
        const QColor window("#eef1f5"), text("#1b2330");
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, QColor("#ffffff"));
        p.setColor(QPalette::AlternateBase, QColor("#f5f7fa"));
        p.setColor(QPalette::ToolTipBase, QColor("#ffffff"));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor("#98a2b3"));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor("#f7f8fa"));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor("#dc2626"));
        p.setColor(QPalette::Light, QColor("#ffffff"));
        p.setColor(QPalette::Midlight, QColor("#e9edf2"));
        p.setColor(QPalette::Mid, QColor("#c9d1dc"));
        p.setColor(QPalette::Dark, QColor("#9aa5b5"));
        p.setColor(QPalette::Shadow, QColor("#6b7689"));
        p.setColor(QPalette::Highlight, accent);
        p.setColor(QPalette::HighlightedText, QColor("#ffffff"));
        p.setColor(QPalette::Link, accent);
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, QColor("#a0a9b8"));
    }
    return p;
}

void applyApplicationTheme(const Theme& theme) {
    if (auto* style = QStyleFactory::create(QStringLiteral("Fusion"))) QApplication::setStyle(style);
    const QPalette p = theme.palette();
    QApplication::setPalette(p);
    QToolTip::setPalette(p);
}

}  // namespace sw::views
