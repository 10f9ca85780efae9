{{/* The name of every object of the release. */}}
{{- define "campuslab.fullname" -}}
{{- if eq .Release.Name "campuslab" -}}campuslab{{- else -}}{{ printf "%s-campuslab" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "campuslab.labels" -}}
app.kubernetes.io/name: campuslab-portal
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* What selects the portal's pods. The name is also what the labs' NetworkPolicies admit (the lab gateway). */}}
{{- define "campuslab.selector" -}}
app.kubernetes.io/name: campuslab-portal
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The image, by digest when one is given. */}}
{{- define "campuslab.image" -}}
{{- if .Values.image.digest -}}{{ .Values.image.repository }}@{{ .Values.image.digest }}{{- else -}}{{ .Values.image.repository }}:{{ .Values.image.tag }}{{- end -}}
{{- end -}}

{{/* The portal's ServiceAccount: its name is what each school namespace binds the school role to. */}}
{{- define "campuslab.serviceAccount" -}}campuslab-portal{{- end -}}
