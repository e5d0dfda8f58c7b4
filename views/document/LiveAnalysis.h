// Re-runs validation and the analytic engine after every edit (coalesced to
// one run per event-loop turn) and tells the overlays and the summary.
#pragma once

#include <QObject>

#include <string>
#include <unordered_map>
#include <vector>

#include "planner/Analysis.h"

namespace sw::views {

class DesignDocument;

class LiveAnalysis : public QObject {
    Q_OBJECT
public:
    using Engine = Analysis (*)(const Design&);
    // `engine` may be null: then only validation runs. The engine's findings
    // must include validate()'s (analyze() runs it first).
    LiveAnalysis(DesignDocument* doc, Engine engine, QObject* parent = nullptr);

    bool hasEngine() const { return engine_ != nullptr; }
    const Analysis& analysis() const { return analysis_; }
    const std::vector<Finding>& findings() const { return findings_; }
    // Error and warning messages about one record, newline-separated ("" = none).
    std::string problemsOf(const std::string& id) const;
    int errorCount() const { return errors_; }
    int warningCount() const { return warnings_; }
    // Whether `analysis().components` lines up with the design on show.
    bool resultsCurrent() const { return current_; }
    // The design has validation errors, so the engine was not run: like
    // `analyze`, an invalid design is not analysed (a link to a missing
    // component would otherwise read as 100 % available).
    bool refusedInvalid() const { return refused_; }

public slots:
    void recomputeNow();
    void scheduleRecompute();

signals:
    void updated();

private:
    DesignDocument* doc_;
    Engine engine_;
    Analysis analysis_;
    std::vector<Finding> findings_;
    std::unordered_map<std::string, std::string> problems_;
    int errors_ = 0, warnings_ = 0;
    bool pending_ = false;
    bool current_ = false;
    bool refused_ = false;
};

}  // namespace sw::views
