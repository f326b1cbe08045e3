{{- define "fail.check" -}}
{{- if not .Values.enabled }}
{{- fail (printf "enabled must be set for %s" .Values.name) }}
{{- end }}
{{- end }}
