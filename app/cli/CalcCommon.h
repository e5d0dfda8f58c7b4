// Shared plumbing for the `calc` calculators: sub-verb entry points and
// option readers that print one clear line when a value is not usable.
#pragma once

#include <QCommandLineParser>

#include <optional>
#include <vector>

#include "app/cli/Cli.h"

namespace sw::cli {

int runCalcMmc(const QStringList& args, Io& io);
int runCalcMva(const QStringList& args, Io& io);
int runCalcAvailability(const QStringList& args, Io& io);
int runCalcLatency(const QStringList& args, Io& io);

// Reads a required (or, with `required` false, optional) number option;
// prints "PROG: --NAME 'x' is not a number" or "--NAME is required".
std::optional<double> numberOption(const QCommandLineParser& p, const QString& name, const QString& prog, Io& io);
std::optional<int> wholeOption(const QCommandLineParser& p, const QString& name, const QString& prog, Io& io);
// "0.2,0.5,1" -> {0.2, 0.5, 1}; an empty option gives an empty list.
std::optional<std::vector<double>> numberListOption(const QCommandLineParser& p, const QString& name,
                                                    const QString& prog, Io& io);
// "0.999" or "99.9%" -> 0.999 (range is the engine's to check).
std::optional<double> parseAvailabilityNumber(const QString& text);
// Plain number formatting for the human-readable tables.
QString num(double v, int precision = 6);
// An availability as a percentage: four decimals, more when the unavailability
// needs them for two significant digits (a 12-nines design is not "100.0000 %").
QString availabilityText(double a);

}  // namespace sw::cli
