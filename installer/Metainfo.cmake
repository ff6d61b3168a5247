# Writes the AppStream metainfo from its template. AppStream accepts screenshot images only
# as web URLs (appstreamcli: web-url-expected), and StretchPlan has no public site yet, so the
# screenshots block is written only when a real address is given where docs/ is published;
# no made-up address is ever shipped.
#   sp_write_metainfo(OUT <file> [BASE_URL <https://...>])
function(sp_write_metainfo)
  cmake_parse_arguments(M "" "OUT;BASE_URL" "" ${ARGN})
  set(SP_METAINFO_SCREENSHOTS "")
  if(M_BASE_URL)
    if(NOT M_BASE_URL MATCHES "^https://")
      message(FATAL_ERROR "screenshot base URL must start with https:// (got ${M_BASE_URL})")
    endif()
    set(shots "")
    # The main window is the default shot once docs/ has it; the handout otherwise.
    set(type " type=\"default\"")
    foreach(shot "gui-main-window.png|The main window: a patient's plan and the exercise catalog"
                 "handout-classic.png|A printed handout, classic template"
                 "handout-compact.png|A printed handout, compact template")
      string(REPLACE "|" ";" shot "${shot}")
      list(GET shot 0 file)
      list(GET shot 1 caption)
      if(EXISTS ${PROJECT_SOURCE_DIR}/docs/${file})
        string(APPEND shots "    <screenshot${type}>\n      <image>${M_BASE_URL}/${file}</image>\n"
                            "      <caption>${caption}</caption>\n    </screenshot>\n")
        set(type "")
      endif()
    endforeach()
    set(SP_METAINFO_SCREENSHOTS "  <screenshots>\n${shots}  </screenshots>\n")
  endif()
  configure_file(${PROJECT_SOURCE_DIR}/installer/org.stretchplan.StretchPlan.metainfo.xml.in ${M_OUT} @ONLY)
endfunction()
