// The canvas of a design as a picture: PNG at a chosen DPI, SVG (vector,
// names as <text>), PDF (vector, one page the size of the drawing), or onto a
// printer. The scene is built from the design (light theme, overlays on, no
// selection), as the report's diagram is, so the window and the command line
// export the same drawing. Files are written whole through a temporary and a
// rename (writeTextFileAtomically): a failure leaves nothing behind.
#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>

#include "model/Design.h"

class QPrinter;

namespace sw::views {

class DesignDocument;
class DiagramScene;
class LiveAnalysis;

class CanvasExport {
public:
    static constexpr int kMinDpi = 24, kMaxDpi = 1200, kDefaultDpi = 192;
    static constexpr double kMaxPixels = 400e6;   // a PNG past this (about 20000 x 20000) is refused

    explicit CanvasExport(const Design& design);   // needs a QGuiApplication
    ~CanvasExport();

    QRectF bounds() const { return bounds_; }   // scene units, 96 an inch

    // The file's bytes, or an error message.
    std::optional<QString> png(int dpi, QByteArray* out) const;
    std::optional<QString> svg(QByteArray* out) const;
    std::optional<QString> pdf(QByteArray* out) const;
    // The drawing fitted to the printer's page, aspect kept.
    void print(QPrinter& printer) const;

private:
    std::unique_ptr<DesignDocument> doc_;
    std::unique_ptr<LiveAnalysis> analysis_;
    std::unique_ptr<DiagramScene> scene_;
    QRectF bounds_;
};

}  // namespace sw::views
