// The report's diagram pages: the canvas drawn as vectors (the scene
// rendered straight onto the printer's painter, never a bitmap), on one page
// when it fits at a scale where component names can be read, else on as many
// sheets as it needs at that scale (empty ones left out) after an overview
// page that shows where each sheet lies. The number of sheets is bounded;
// past the bound the scale drops and the overview says so (a vector drawing
// can still be zoomed in a PDF viewer).
#pragma once

#include <QPageLayout>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

#include <memory>

#include "model/Design.h"

class QPainter;

namespace sw::views {

class DesignDocument;
class DiagramScene;
class LiveAnalysis;

class DiagramSheets {
public:
    // Scale at which the canvas draws names of at least ~6.5 pt (16 px names below 0.7 zoom).
    static constexpr double kReadableScale = 0.55;
    static constexpr int kMaxSheets = 200;   // tiles, besides the overview

    struct Sheet {
        QRectF source;   // scene rectangle
        QString label;   // "B3" (column letter, row number); empty for a single page or the overview
        int column = 0, row = 0;
    };

    // Builds the canvas scene of `design` (light theme, overlays on); needs a QGuiApplication.
    explicit DiagramSheets(const Design& design);
    ~DiagramSheets();

    // Plans the sheets for pages of `portrait` and `landscape` drawing area
    // (layout units, 96 an inch), the heading's height already taken off.
    void plan(QSizeF portrait, QSizeF landscape);

    bool empty() const { return sheets_.isEmpty(); }
    int pageCount() const { return static_cast<int>(sheets_.size()); }
    QPageLayout::Orientation orientation() const { return orientation_; }
    double scale() const { return scale_; }
    bool tiled() const { return tiled_; }
    int columns() const { return columns_; }
    int rows() const { return rows_; }
    const Sheet& sheet(int page) const { return sheets_[page]; }

    // Page `page`'s heading line and the drawing itself into `area` (layout units).
    QString heading(int page) const;
    QString caption(int page) const;
    void paint(QPainter& painter, int page, const QRectF& area) const;

private:
    int occupiedTiles(const QRectF& bounds, double scale, QSizeF area, QVector<Sheet>* out) const;

    std::unique_ptr<DesignDocument> doc_;
    std::unique_ptr<LiveAnalysis> analysis_;
    std::unique_ptr<DiagramScene> scene_;
    QRectF bounds_;
    QVector<Sheet> sheets_;
    QPageLayout::Orientation orientation_ = QPageLayout::Landscape;
    double scale_ = 1;
    bool tiled_ = false;
    int columns_ = 1, rows_ = 1;
    int components_ = 0;
};

}  // namespace sw::views
