// The capacity report: one design's figures from the analytic engine (and,
// when asked, a simulated scenario) laid out for people and written as a
// paginated PDF: a contents page, the diagram on pages of its own, the
// summary, each tier's load and headroom, latency by geography, replication,
// cost, growth and runway, findings; charts as vector graphics.
// Every number comes from the engines; this file only arranges and draws.
#pragma once

#include <QPageSize>
#include <QString>
#include <QTextDocument>

#include <memory>
#include <optional>

#include "model/Design.h"
#include "planner/sim/SimTypes.h"
#include "planner/walkthrough/Walkthrough.h"
#include "planner/whatif/WhatIf.h"

namespace sw::views {

struct ReportOptions {
    int months = 24;                       // growth horizon, 1..60
    std::optional<sim::Report> simulation; // a finished run to include
    Scenario scenario;                     // ... and the scenario it ran (its windows are shaded)
    QString sourceName;                    // the file it came from, for the title block
    std::optional<Walkthrough> walkthrough; // a walk to include as "Scaling path"
    std::optional<whatif::Comparison> comparison;   // the project's variants side by side (ReportCompare.h)
    QPageSize::PageSizeId paper = QPageSize::A4;    // A4 or Letter
};

// What writePdf wrote.
struct PdfInfo {
    int pages = 0;
    int diagramPages = 0;
};

class CapacityReport {
public:
    // Runs the analysis and the projection; needs a QGuiApplication (it
    // draws the charts, and the diagram when written).
    CapacityReport(const Design& design, const ReportOptions& options);
    ~CapacityReport();

    QTextDocument* document() const { return doc_.get(); }
    QString plainText() const { return doc_->toPlainText(); }
    // Writes the PDF on the options' paper through a temporary file; the
    // error, or nothing. `info`, if given, receives the page counts.
    std::optional<QString> writePdf(const QString& path, PdfInfo* info = nullptr) const;

    // The paper's name as the command line and the window say it ("A4", "Letter").
    static QString paperName(QPageSize::PageSizeId paper);

private:
    std::unique_ptr<QTextDocument> doc_;
    Design design_;
    QString title_;
    QPageSize::PageSizeId paper_;
    int diagramRow_ = -1;   // the diagram's row in the contents
};

}  // namespace sw::views
