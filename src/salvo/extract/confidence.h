// Confidence: every adjustment extraction makes, named, and those made once all of an article's
// incidents are known. An event starts at Event::confidence (0.5); the values were set against
// salvo eval's calibration table on the dev gold (a change here is a change of that table).
#pragma once

#include <vector>

#include "salvo/extract/event.h"

namespace salvo::extract {

inline constexpr double kMinConfidence = 0.05;
inline constexpr double kMaxConfidence = 0.98;

// An incident told at a place (readings/incidents_at_places.cc):
inline constexpr double kToldAtPlace = 0.15;        // added for every incident at a named place
inline constexpr double kOwnDay = 0.15;             // the sentence gives its day
inline constexpr double kWeaponNamed = 0.05;        // the sentence names its weapons
inline constexpr double kTownOrSitePlace = 0.15;    // the place is a town or a site …
inline constexpr double kProvincePlace = 0.05;      // … a province or a region …
inline constexpr double kCountryPlacePenalty = 0.15;  // … only a country (taken off)
// A strike or interception with no place of its own answering the incident just told
// (readings/response_without_place.cc): right on every seed and dev case so far.
inline constexpr double kResponseWithoutPlace = 0.6;
// An incident with a day and a word of attack or strike but no place, in the article's country
// (readings/incident_without_place.cc).
inline constexpr double kIncidentWithoutPlace = 0.55;
// The uncounted rest of a counted group ("two separate attacks …" with one place named).
inline constexpr double kUnnamedCounted = 0.5;
// Told again: merged with another telling (article_merge.cc), or in several sentences (finish.cc).
inline constexpr double kToldAgain = 0.05;
// calibrate(): a background incident told in one sentence is often mis-dated or mis-typed …
inline constexpr double kRecalledOncePenalty = 0.2;
// … and a province or town beside a site-level incident of its kind and day is often that one.
inline constexpr double kBesideSitePenalty = 0.15;

// Confidence from what went wrong on the dev gold (salvo eval's calibration table).
void calibrate(std::vector<Event>& events);

}  // namespace salvo::extract
