// The capacity report: one design's figures from the analytic engine (and,
// when asked, a simulated scenario) laid out for people and written as a
// paginated PDF: the diagram, the summary, each tier's load and headroom,
// latency by geography, replication, cost, growth and runway, findings.
// Every number comes from the engines; this file only arranges and draws.
#pragma once

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
};

class CapacityReport {
public:
    // Runs the analysis and the projection; needs a QGuiApplication (it
    // renders the diagram and the growth chart).
    CapacityReport(const Design& design, const ReportOptions& options);
    ~CapacityReport();

    QTextDocument* document() const { return doc_.get(); }
    QString plainText() const { return doc_->toPlainText(); }
    // Writes an A4 PDF through a temporary file; the error, or nothing.
    // `pages`, if given, receives the page count.
    std::optional<QString> writePdf(const QString& path, int* pages = nullptr) const;

    static constexpr double kColumn = 680;   // layout width in document units

private:
    std::unique_ptr<QTextDocument> doc_;
    QString title_;
};

}  // namespace sw::views
