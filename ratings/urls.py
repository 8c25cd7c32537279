from django.urls import path

from ratings import views

urlpatterns = [
    path("", views.answer, name="ratings_answer"),
    path("cam-on/", views.thanks, name="ratings_thanks"),
    path("gop-y/", views.comment, name="ratings_comment"),
]
