# CPack: `make package` builds the Debian package (the install rules of every target,
# under /usr) and a source tarball. Included last from the top-level CMakeLists.txt.
set(CPACK_PACKAGE_NAME stretchplan)
set(CPACK_PACKAGE_VENDOR "StretchPlan developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "home-exercise programs and handouts for physical therapists")
# Installs under /usr: the DEB generator's default prefix (set here, it would also move the
# source tarball's files into usr/).
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_VERBATIM_VARIABLES ON) # the ignore regexes below reach CPack as written

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # stretchplan_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the binaries link
# Debian has no medical section. Debian Med files its clinical programs under science
# (orthanc, aeskulap, qrisk2, oscar; GNUmed is the exception, in misc), and that is where
# a therapist's tool is looked for.
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# No public address exists yet: .invalid (RFC 2606) says so instead of inventing one. Set
# SP_PACKAGE_MAINTAINER (or DEBFULLNAME and DEBEMAIL) before publishing a package.
if(DEFINED ENV{DEBEMAIL} AND DEFINED ENV{DEBFULLNAME})
  set(sp_maintainer "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
else()
  set(sp_maintainer "StretchPlan maintainers <maintainers@stretchplan.invalid>")
endif()
set(SP_PACKAGE_MAINTAINER "${sp_maintainer}" CACHE STRING "The Maintainer field of the .deb: Name <address>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SP_PACKAGE_MAINTAINER}")
# The fonts are embedded (cut down into share/stretchplan/fonts), so no font package is needed.
set(sp_programs "")
if(TARGET stretchplan)
  set(sp_programs "the desktop app (stretchplan), ")
endif()
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "StretchPlan helps physical therapists build home-exercise programs: pick a
patient, put together a plan from an exercise catalog (a built-in low-back pain
catalog plus the clinic's own exercise packs), check it against plan-building
guidance and red-flag screening, and hand it out as a branded PDF. Plans are
versioned and follow-up visits are recorded against them, with an audit trail,
in a local SQLite database.
.
This package holds ${sp_programs}the stretchplan-cli command line, the built-in
and example exercise packs, and the handout and plan templates.")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME stretchplan-${PROJECT_VERSION})
# Build folders (build, build-fuzz, build-bench, ...) and version control stay out.
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" sp_source_regex "${PROJECT_SOURCE_DIR}")
set(CPACK_SOURCE_IGNORE_FILES
  "^${sp_source_regex}/build[^/]*/"
  "^${sp_source_regex}/_CPack_Packages/"
  "/\\.git/" "/\\.git$" "/\\.gitignore$" "/\\.cache/" "/\\.vscode/" "/\\.idea/"
  "~$" "\\.swp$" "/__pycache__/")

include(CPack)
