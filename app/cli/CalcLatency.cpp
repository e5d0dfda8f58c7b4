// `scalewright calc latency`: distance, the light-in-fibre floor and a modelled RTT.
#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "planner/Calculators.h"

namespace sw::cli {

namespace {

// --from REGION or --from-coord LAT,LON (exactly one).
std::optional<GeoPoint> endpoint(const QCommandLineParser& p, const QString& side, const QString& prog, Io& io) {
    const QString region = side, coord = side + "-coord";
    if (p.isSet(region) == p.isSet(coord)) {
        io.err << prog << ": give exactly one of --" << region << " REGION and --" << coord << " LAT,LON\n";
        return std::nullopt;
    }
    Result<GeoPoint> point = Result<GeoPoint>::failure("");
    if (p.isSet(region)) {
        point = regionPoint(p.value(region).trimmed().toStdString());
    } else {
        const QStringList parts = p.value(coord).split(',');
        bool okLat = false, okLon = false;
        const double lat = parts.value(0).trimmed().toDouble(&okLat);
        const double lon = parts.value(1).trimmed().toDouble(&okLon);
        if (parts.size() != 2 || !okLat || !okLon) {
            io.err << prog << ": --" << coord << " '" << p.value(coord) << "' must be LAT,LON in degrees\n";
            return std::nullopt;
        }
        point = coordinatePoint(lat, lon);
    }
    if (!point) {
        io.err << prog << ": --" << (p.isSet(region) ? region : coord) << ": " << shown(point.error())
               << "\n";
        return std::nullopt;
    }
    return point.value();
}

}  // namespace

int runCalcLatency(const QStringList& args, Io& io) {
    const QString prog = args.value(0);
    VerbParser vp("Great-circle distance between two regions or coordinates, the physical floor RTT\n"
                  "(2 d / 204 km/ms, light in fibre) and the modelled RTT (floor x route factor + overhead).",
                  "");
    QCommandLineParser& p = vp.parser();
    p.addOption({"from", "Catalogue region code, e.g. us-east-1, europe-west1.", "REGION"});
    p.addOption({"from-coord", "Latitude,longitude in degrees.", "LAT,LON"});
    p.addOption({"to", "Catalogue region code.", "REGION"});
    p.addOption({"to-coord", "Latitude,longitude in degrees.", "LAT,LON"});
    p.addOption({"rtt", "A measured RTT to check against the floor (refused when below it).", "MS"});
    p.addOption({"route-factor", "Route factor of the model (default 1.3).", "F"});
    p.addOption({"overhead", "Fixed overhead of the model in ms (default 7).", "MS"});
    p.addOption({"json", "Print as JSON."});
    if (auto rc = vp.parse(args, io, 0, 0)) return *rc;
    const auto from = endpoint(p, "from", prog, io);
    if (!from) return kUsage;
    const auto to = endpoint(p, "to", prog, io);
    if (!to) return kUsage;
    LatencyModel model;
    if (p.isSet("route-factor")) {
        const auto f = numberOption(p, "route-factor", prog, io);
        if (!f) return kUsage;
        model.route_factor = *f;
    }
    if (p.isSet("overhead")) {
        const auto o = numberOption(p, "overhead", prog, io);
        if (!o) return kUsage;
        model.overhead_ms = *o;
    }
    auto modelled = calcLatency(*from, *to, std::nullopt, model);
    if (!modelled) {
        io.err << prog << ": " << shown(modelled.error()) << "\n";
        return kUsage;
    }
    std::optional<double> rtt;
    if (p.isSet("rtt")) {
        rtt = numberOption(p, "rtt", prog, io);
        if (!rtt) return kUsage;
    }
    auto r = calcLatency(*from, *to, rtt, model);
    if (!r) {   // a measured RTT below the physical floor: a refused value
        io.err << prog << ": " << shown(r.error()) << "\n";
        return kFindings;
    }
    if (p.isSet("json")) {
        io.out << QString::fromStdString(latencyCalcJson(r.value()));
        return kOk;
    }
    io.out << shown(r->from.label) << " -> " << shown(r->to.label) << "\n"
           << "  great-circle distance  " << num(r->distance_km, 5) << " km\n"
           << "  floor RTT              " << num(r->floor_rtt_ms, 4) << " ms (2 d / 204 km/ms, light in fibre)\n"
           << "  modelled RTT           " << num(r->modelled_rtt_ms, 4) << " ms (floor x " << num(model.route_factor)
           << " + " << num(model.overhead_ms) << " ms)\n";
    if (r->measured_rtt_ms)
        io.out << "  measured RTT           " << num(*r->measured_rtt_ms, 4) << " ms ("
               << num(*r->measured_rtt_ms / r->floor_rtt_ms, 3) << " x floor)\n";
    return kOk;
}

}  // namespace sw::cli
