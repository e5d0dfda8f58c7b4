// The colours of the canvas and the widgets, light and dark (Qt 6.4 has no
// colour-scheme API, so the application carries its own palettes).
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace sw::views {

struct Theme {
    bool dark = false;
    QColor canvas, gridDot, gridDotMajor;
    QColor nodeFill, nodeBorder, nodeText, nodeMuted, nodeShadow;
    QColor selection, hover;
    QColor regionFill, regionBorder, regionTitle;
    QColor zoneFill, zoneBorder, zoneTitle;
    QColor callEdge, replicationEdge, edgeLabelFill, edgeLabelText;
    QColor utilLow, utilMid, utilHigh, utilSaturated, utilTrack;
    QColor bottleneck, invalid, badgeFill, badgeText, badgeBorder;
    QColor accent;
    QColor diffAdded, diffChanged, diffRemoved;   // comparing variants: outlines and ghosts

    static Theme light();
    static Theme dark_();
    static Theme byName(const QString& name);   // "dark" or anything else = light
    QString name() const { return dark ? QStringLiteral("dark") : QStringLiteral("light"); }

    // The widget palette that goes with the canvas colours.
    QPalette palette() const;
};

// Applies a theme to the whole application (Fusion style, palette, tooltips).
void applyApplicationTheme(const Theme& theme);

}  // namespace sw::views
